import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { progressPath } from '../course/progress.js';
import type { CourseMap } from '../course/types.js';

/**
 * What the first frame of the course map needs, cached between runs. Loading a pack validates every
 * exercise and scenario with the runtime (~100 ms with its imports); the cache lets the map appear
 * at once while that happens. It is used only when nothing it was made from has changed: every file
 * of the pack (path, size, mtime) and the progress file.
 */
export interface FirstFrameData {
  map: CourseMap;
  /** Example titles per lesson id. */
  examples: Record<string, string[]>;
}

interface CacheFile extends FirstFrameData {
  version: 1;
  fingerprint: string;
}

/** The pack folder the course will load: `--lessons DIR`, or the package's own lessons/ folder. */
export function packDir(lessons: string | undefined, cwd: string): string {
  if (lessons) return resolve(cwd, lessons);
  // Same lookup as the engine's builtinPackDir, without importing the pack loader (and the runtime).
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lessons'))) return join(dir, 'lessons');
    const up = dirname(dir);
    if (up === dir) return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'lessons');
    dir = up;
  }
}

function cachePath(env: NodeJS.ProcessEnv): string {
  return join(dirname(progressPath({ env })), 'first-frame-cache.json');
}

export function fingerprint(pack: string, env: NodeJS.ProcessEnv): string {
  const parts: string[] = [pack];
  const stamp = (path: string): void => {
    try {
      const s = statSync(path);
      parts.push(`${path}:${s.size}:${s.mtimeMs}`);
    } catch {
      parts.push(`${path}:-`);
    }
  };
  try {
    const entries = readdirSync(pack, { recursive: true, withFileTypes: true });
    for (const e of entries) if (e.isFile()) stamp(join(e.parentPath ?? pack, e.name));
  } catch {
    parts.push('unreadable');
  }
  stamp(progressPath({ env }));
  return parts.sort().join('\n');
}

export function readFirstFrame(pack: string, env: NodeJS.ProcessEnv): FirstFrameData | undefined {
  try {
    const cached = JSON.parse(readFileSync(cachePath(env), 'utf8')) as CacheFile;
    if (cached.version !== 1 || cached.fingerprint !== fingerprint(pack, env)) return undefined;
    return { map: cached.map, examples: cached.examples };
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs speed. */
export function writeFirstFrame(pack: string, env: NodeJS.ProcessEnv, data: FirstFrameData): void {
  try {
    const path = cachePath(env);
    mkdirSync(dirname(path), { recursive: true });
    const body: CacheFile = { version: 1, fingerprint: fingerprint(pack, env), ...data };
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, path);
  } catch {
    // ignored on purpose
  }
}
