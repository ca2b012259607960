import { resolve } from 'node:path';

/**
 * Wakes this process's subscriptions on a file the moment any handle in the process appends to it.
 * Appends by other processes are found by polling.
 */
const listeners = new Map<string, Set<() => void>>();

/** The key under which every handle of one file meets, however the file was named. */
export const signalKey = (file: string): string => resolve(file);

export const onAppend = (key: string, listener: () => void): (() => void) => {
  const set = listeners.get(key) ?? new Set();
  listeners.set(key, set.add(listener));
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
  };
};

export const signalAppend = (key: string): void => {
  for (const listener of listeners.get(key) ?? []) listener();
};
