import type { Either } from 'fp-ts/Either';

/** A rule's refusal: a stable code for programs, and a message for people in both languages. */
export interface DomainRejection {
  readonly _tag: 'DomainRejection';
  readonly code: string;
  /** Norwegian bokmål, for the municipality's users. */
  readonly message: string;
  readonly messageEn: string;
}

export const rejection = (code: string, message: string, messageEn: string): DomainRejection => ({
  _tag: 'DomainRejection',
  code,
  message,
  messageEn,
});

/**
 * The pure heart of a stream: `decide` turns a command and the stream's state (plus facts from outside
 * the stream, such as delegations in force) into new events or a rejection; `evolve` folds events into
 * state. No I/O, no clock, no randomness.
 */
export interface Decider<Command, Event, State, Context = void> {
  readonly decide: (
    command: Command,
    state: State,
    context: Context,
  ) => Either<DomainRejection, readonly Event[]>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}
