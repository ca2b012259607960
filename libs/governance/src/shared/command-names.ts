/** A command codec made by `message`: its `type` field is a literal of its name. */
interface Named {
  readonly required: { readonly type: { readonly value: string } };
}

/**
 * The names of an area's commands, read from their codecs, as the keys of an object (the form io-ts'
 * `keyof` takes): each area names its commands in its own messages file, and `command-types.ts` gathers
 * them into the recorded vocabulary.
 */
export const commandNames = <C extends readonly Named[]>(
  ...codecs: C
): { readonly [K in C[number]['required']['type']['value']]: null } =>
  Object.fromEntries(codecs.map((codec) => [codec.required.type.value, null])) as {
    readonly [K in C[number]['required']['type']['value']]: null;
  };
