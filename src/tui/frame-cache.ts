import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinPackDir } from '../course/pack/builtin-dir.js';
import { progressPath } from '../course/progress.js';
import type { CourseMap } from '../course/types.js';

/**
 * What the first frame of the course map needs, cached between runs. Loading a pack validates every
 * exercise and scenario with the runtime (~100 ms with its imports); the cache lets the map appear
 * at once while that happens. It is used only while its fingerprint (below) is unchanged.
 */
export interface FirstFrameData {
  map: CourseMap;
  /** Example titles per lesson id. */
  examples: Record<string, string[]>;
}

interface CacheFile extends FirstFrameData {
  version: 2;
  fingerprint: string;
  /** The painted frame (ANSI) by terminal size and colour mode, e.g. `100x30:color`. */
  frames: Record<string, string>;
}

export const frameKey = (cols: number, rows: number, color: boolean): string => `${cols}x${rows}:${color ? 'color' : 'mono'}`;

export interface CachedFirstFrame extends FirstFrameData {
  frames: Record<string, string>;
}

/** The pack folder the course will load: `--lessons DIR`, or the package's own lessons/ folder. */
export function packDir(lessons: string | undefined, cwd: string): string {
  if (lessons) return resolve(cwd, lessons);
  return builtinPackDir();
}

function cachePath(env: NodeJS.ProcessEnv): string {
  return join(dirname(progressPath({ env })), 'first-frame-cache.json');
}

/**
 * Cheap on purpose (it runs before the first frame): the progress file, the pack folder and each
 * lesson.md. An edit elsewhere (an exercise title) can show a stale first frame, which the real map
 * replaces as soon as the pack has loaded — a fraction of a second later.
 */
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
  stamp(pack);
  try {
    for (const name of readdirSync(pack).sort()) stamp(join(pack, name, 'lesson.md'));
  } catch {
    parts.push('unreadable');
  }
  stamp(progressPath({ env }));
  return parts.join('\n');
}

export function readFirstFrame(pack: string, env: NodeJS.ProcessEnv): CachedFirstFrame | undefined {
  try {
    const cached = JSON.parse(readFileSync(cachePath(env), 'utf8')) as CacheFile;
    if (cached.version !== 2 || cached.fingerprint !== fingerprint(pack, env)) return undefined;
    return { map: cached.map, examples: cached.examples, frames: cached.frames ?? {} };
  } catch {
    return undefined;
  }
}

/**
 * Best effort: a cache that cannot be written only costs speed. Frames painted for other sizes are
 * kept while the data is the same.
 */
export function writeFirstFrame(pack: string, env: NodeJS.ProcessEnv, data: FirstFrameData, frame: { key: string; ansi: string }): void {
  try {
    const path = cachePath(env);
    mkdirSync(dirname(path), { recursive: true });
    const old = readFirstFrame(pack, env);
    const same = old && JSON.stringify(old.map) === JSON.stringify(data.map) && JSON.stringify(old.examples) === JSON.stringify(data.examples);
    const frames = { ...(same ? old.frames : {}), [frame.key]: frame.ansi };
    const body: CacheFile = { version: 2, fingerprint: fingerprint(pack, env), ...data, frames };
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(body));
    renameSync(tmp, path);
  } catch {
    // ignored on purpose
  }
}
