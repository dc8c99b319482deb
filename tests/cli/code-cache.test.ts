import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KEPT_CACHES, loadWithCodeCache } from '../../src/cli/code-cache.js';

let dir: string;
let file: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  file = join(dir, 'bundle.cjs');
  cache = join(dir, 'home', 'code-cache', 'bundle-v1.bin');
  // A function called after loading, so the cache taken after the run holds lazily compiled code too.
  writeFileSync(file, "const path = require('node:path');\nexports.answer = () => 6 * 7;\nexports.name = path.basename(__filename);\nexports.self = this === exports;\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Bundle = { answer(): number; name: string; self: boolean };

function load() {
  const bundle = loadWithCodeCache<Bundle>(file, cache);
  expect(bundle.exports.answer()).toBe(42);
  return bundle;
}

describe('code cache for a CommonJS bundle', () => {
  test('the file runs like a CommonJS module: require, __filename and this are those of the file', () => {
    const { exports } = load();
    expect(exports.name).toBe('bundle.cjs');
    expect(exports.self).toBe(true);
  });

  test('the first run compiles from source and saves the cache; the next run uses it', () => {
    const first = load();
    expect(first.cacheUsed).toBe(false);
    first.save();
    expect(existsSync(cache)).toBe(true);
    expect(load().cacheUsed).toBe(true);
  });

  test('a corrupt cache (one byte changed) is not given to V8: compiled from source, then replaced', () => {
    load().save();
    const data = readFileSync(cache);
    data[data.length - 10] ^= 0xff;
    writeFileSync(cache, data);
    const run = load();
    expect(run.cacheUsed).toBe(false);
    run.save();
    expect(load().cacheUsed).toBe(true);
  });

  test('a truncated, empty or foreign cache file only costs the speed-up', () => {
    load().save();
    const good = readFileSync(cache);
    for (const bad of [good.subarray(0, good.length >> 1), Buffer.alloc(0), Buffer.from('not a code cache at all')]) {
      writeFileSync(cache, bad);
      expect(load().cacheUsed).toBe(false);
    }
  });

  test('a cache V8 rejects (made for other source of the same name) is replaced', () => {
    load().save();
    writeFileSync(file, 'exports.answer = () => 42;\n');
    const run = loadWithCodeCache<Bundle>(file, cache);
    expect(run.exports.answer()).toBe(42);
    expect(run.cacheUsed).toBe(false);
    run.save();
    expect(loadWithCodeCache<Bundle>(file, cache).cacheUsed).toBe(true);
  });

  test('an unwritable home: save() neither throws nor writes', () => {
    writeFileSync(join(dir, 'home'), 'a file where the home folder should be');
    const run = load();
    expect(() => run.save()).not.toThrow();
    expect(load().cacheUsed).toBe(false);
  });

  test('saving keeps the newest caches of the same bundle name and drops older ones and stale temp files', () => {
    const folder = join(dir, 'home', 'code-cache');
    load().save();
    const at = (name: string, secondsAgo: number, body = name) => {
      writeFileSync(join(folder, name), body);
      const t = new Date(Date.now() - secondsAgo * 1000);
      utimesSync(join(folder, name), t, t);
    };
    for (let i = 0; i < KEPT_CACHES + 1; i++) at(`bundle-old${i}.bin`, 100 * (i + 1));
    at('bundle-v1.bin.123.tmp', 3600);
    at('bundle-v1.bin.456.tmp', 0);
    at('other-v0.bin', 10_000);
    rmSync(cache);
    load().save();
    const kept = Array.from({ length: KEPT_CACHES - 1 }, (_, i) => `bundle-old${i}.bin`);
    expect(readdirSync(folder).sort()).toEqual([...kept, 'bundle-v1.bin', 'bundle-v1.bin.456.tmp', 'other-v0.bin'].sort());
  });
});
