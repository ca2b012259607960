/**
 * A store that answers as `store` does, except for the methods in `overrides`: a test's window on one kind
 * of call (which positions a reader starts from), on the real store. Every other method goes to the store
 * itself, bound to it, so methods the port gains later need no change here.
 */
export const storeWith = <Store extends object>(store: Store, overrides: Partial<Store>): Store =>
  new Proxy(store, {
    get(target, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof Store];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
