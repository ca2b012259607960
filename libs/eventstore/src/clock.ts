/** Time as a value handed in, so that the pure layers and their tests are deterministic. */
export type Clock = () => Date;

/** Makes unique ids (event ids, correlation ids); injected for the same reason as the clock. */
export type IdGenerator = () => string;
