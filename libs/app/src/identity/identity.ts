import type { Role } from './roles';

/** Who is calling, as proven by a verified token: this, and never the request body, becomes event metadata. */
export interface Identity {
  /** The token's subject: the person or system acting. */
  readonly subject: string;
  readonly role: Role;
  /** The organizational unit the caller acts for (e.g. `styv`, `oppvekst`). */
  readonly unit: string;
}
