// Node 20 keeps no compiled code between runs (Node 22's module.enableCompileCache does), so a
// CommonJS bundle is compiled from source on every start. This loads one through vm.Script with a V8
// code cache kept in the course home: taken after the run, so it holds every function the run
// compiled lazily, not only the top level. The cache is only ever a speed-up: missing, stale, corrupt
// or unwritable, the bundle is compiled from source as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script, constants } from 'node:vm';

export interface CachedBundle<T> {
  exports: T;
  /** V8 took the cached code (nothing of the bundle was compiled from source until now). */
  cacheUsed: boolean;
  /** Writes the code cache when there was no usable one; best effort, never throws. */
  save(): void;
}

const DIGEST = 16; // md5: a check against corruption, not against tampering (the home is the learner's own)

/**
 * Runs the CommonJS file `file` like require() does and returns its exports; `cacheFile` names the
 * cache, which must change whenever the file's content, Node or V8 does (the caller keys it so).
 */
export function loadWithCodeCache<T>(file: string, cacheFile: string): CachedBundle<T> {
  const source = readFileSync(file, 'utf8');
  const cachedData = readCache(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // import() of a package left outside the bundle resolves as in any CommonJS file (Node ≥ 20.12).
    ...(constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const save = (): void => {
    if (!cacheUsed) writeCache(cacheFile, script.createCachedData());
  };
  return { exports: module.exports, cacheUsed, save };
}

/** The cached code if its digest matches: V8 checks versions and lengths, but not every byte. */
function readCache(path: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return undefined;
  }
  const payload = data.subarray(DIGEST);
  return payload.length > 0 && digest(payload).equals(data.subarray(0, DIGEST)) ? payload : undefined;
}

/** Atomically (temp file + rename), and drops caches of older bundles with the same name prefix. */
function writeCache(path: string, payload: Buffer): void {
  try {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([digest(payload), payload]));
    renameSync(tmp, path);
    const prefix = basename(path).split('-')[0] + '-';
    for (const name of readdirSync(dir)) if (name.startsWith(prefix) && name !== basename(path) && !name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  } catch {
    // An unwritable home only costs speed.
  }
}

function digest(data: Buffer): Buffer {
  return createHash('md5').update(data).digest();
}
