import * as t from 'io-ts';
import { struct, type StructType } from './struct';

/** A command or event codec: a struct whose `type` field is its own name, the union's discriminant. */
export const message = <N extends string, R extends t.Props, O extends t.Props = Record<never, never>>(
  type: N,
  required: R,
  optional?: O,
): StructType<{ type: t.LiteralC<N> } & R, O> =>
  struct(type, { type: t.literal(type), ...required }, optional ?? ({} as O));
