import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on the first call, synchronously (their Node entry points are CommonJS), then the
 * same module on every call: for packages most runs never need, whose loading costs start-up time.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
