import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * What the pages use of express's request and response (the service runs on express through Nest; its
 * type package is not installed, and the pages need only these few members).
 */
export type PageRequest = IncomingMessage & {
  readonly secure: boolean;
  readonly query: Record<string, unknown>;
  readonly body?: unknown;
  readonly path: string;
};

export interface CookieOptions {
  readonly httpOnly: boolean;
  readonly sameSite: 'strict';
  readonly secure: boolean;
  readonly path: string;
}

export type PageResponse = ServerResponse & {
  cookie(name: string, value: string, options: CookieOptions): unknown;
  clearCookie(name: string, options: CookieOptions): unknown;
  redirect(status: number, url: string): unknown;
  status(code: number): PageResponse;
  send(body: string): unknown;
};
