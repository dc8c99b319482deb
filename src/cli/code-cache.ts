// Node 20 keeps no compiled code between runs (Node 22's module.enableCompileCache does), so a
// CommonJS bundle is compiled from source on every start. This loads one through vm.Script with a V8
// code cache kept in the course home: taken after the run, so it holds every function the run
// compiled lazily, not only the top level. The cache is only ever a speed-up: missing, stale, corrupt
// or unwritable, the bundle is compiled from source as before.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script, constants } from 'node:vm';
import { crc32 } from 'node:zlib';
import { isAscii } from 'node:buffer';

export interface CachedBundle<T> {
  exports: T;
  /** V8 took the cached code (nothing of the bundle was compiled from source until now). */
  cacheUsed: boolean;
  /** Writes the code cache when there was no usable one; best effort, never throws. */
  save(): void;
}

/** A CRC-32 of the cached code heads the file: against corruption, not tampering (the home is the learner's own). */
const CHECKSUM = 4;

/**
 * Runs the CommonJS file `file` like require() does and returns its exports; `cacheFile` names the
 * cache, which must change whenever the file's content, Node or V8 does (the caller keys it so).
 */
export function loadWithCodeCache<T>(file: string, cacheFile: string): CachedBundle<T> {
  const bytes = readFileSync(file);
  // An ASCII file (bundle.mjs writes them so) decodes faster as latin1 and gives V8 a one-byte string.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
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
    if (!cacheUsed) writeCache(cacheFile, script);
  };
  return { exports: module.exports, cacheUsed, save };
}

/**
 * The cached code if its checksum matches: V8 checks versions, flags and lengths but, in release
 * builds, not every byte. Without zlib.crc32 (Node < 20.15) there is no cache.
 */
function readCache(path: string): Buffer | undefined {
  let data: Buffer;
  try {
    if (!crc32) return undefined;
    data = readFileSync(path);
  } catch {
    return undefined;
  }
  const payload = data.subarray(CHECKSUM);
  return payload.length > 0 && data.length > CHECKSUM && data.readUInt32LE(0) === crc32(payload) ? payload : undefined;
}

/** Atomically (temp file + rename); then prunes the folder (below). */
function writeCache(path: string, script: Script): void {
  try {
    if (!crc32) return;
    const payload = script.createCachedData();
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    const checksum = Buffer.alloc(CHECKSUM);
    checksum.writeUInt32LE(crc32(payload));
    writeFileSync(tmp, Buffer.concat([checksum, payload]));
    renameSync(tmp, path);
    prune(path);
  } catch {
    // An unwritable home (or any other failure here) only costs speed.
  }
}

/** Caches kept per bundle name: a learner may switch between a few versions or Node releases. */
export const KEPT_CACHES = 3;
const STALE_TEMP_MS = 60_000;

/**
 * Keeps the KEPT_CACHES newest caches of this bundle (name up to the first '-'), so old versions'
 * caches do not pile up, and removes temp files a killed process left behind.
 */
function prune(path: string): void {
  const dir = dirname(path);
  const prefix = basename(path).split('-')[0] + '-';
  const now = Date.now();
  const caches: { file: string; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const file = join(dir, name);
    const mtime = statSync(file).mtimeMs;
    if (!name.endsWith('.tmp')) caches.push({ file, mtime });
    else if (now - mtime > STALE_TEMP_MS) rmSync(file, { force: true });
  }
  caches.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of caches.slice(KEPT_CACHES)) if (file !== path) rmSync(file, { force: true });
}
