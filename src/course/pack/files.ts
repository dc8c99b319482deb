/**
 * Confined, bounded reading of a pack's files. A pack is untrusted data: every path it names must be
 * relative, stay inside the pack, not pass through a symlink that leads out, and every file and the
 * pack as a whole have size limits. Reads return text or a Problem, never throw.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Problem } from '../types.js';

export const PACK_LIMITS = {
  /** Largest single file (lesson.md, a manifest, …). */
  fileBytes: 256 * 1024,
  /** Sum of every file read from one pack. */
  packBytes: 8 * 1024 * 1024,
  /** Lessons in a pack and exercises in a lesson. */
  lessons: 200,
  exercisesPerLesson: 50,
} as const;

export type ReadOutcome = { ok: true; text: string; path: string } | { ok: false; problem: Problem };

export class PackFiles {
  private bytesRead = 0;

  /**
   * `root` must already be a real (symlink-free) absolute path, from realpathSync.native as below (one
   * system call, where realpathSync walks every component with lstat). `partial`: only what checking needs is
   * read; `only`: just the exercise with this id (see PackLoadOptions.scope).
   */
  constructor(
    readonly root: string,
    readonly partial = false,
    readonly only?: string,
  ) {}

  /** Pack-relative display path of an absolute path inside the pack. */
  rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  /**
   * Resolves `ref` (as written in `fromFile`, relative to folder `baseDir`) to an absolute path inside
   * the pack, or explains why it may not be used.
   */
  /** The problem names `fromFile` but no line: callers add it, as working out a line costs a YAML parse. */
  resolveRef(baseDir: string, ref: string, fromFile: string): { ok: true; path: string } | { ok: false; problem: Problem } {
    const fail = (message: string) => ({ ok: false as const, problem: { severity: 'error' as const, file: fromFile, message } });
    if (ref.includes('\0')) return fail(`path '${ref}' contains a NUL character`);
    if (isAbsolute(ref) || /^[a-zA-Z]:/.test(ref) || ref.startsWith('\\')) return fail(`path '${ref}' is absolute; write it relative to ${this.rel(baseDir) || 'the pack'}`);
    if (ref.split(/[\\/]/).includes('..')) return fail(`path '${ref}' uses '..'; files must stay inside the lesson pack`);
    const path = join(baseDir, ref);
    const inside = this.confined(path);
    if (inside !== true) return fail(inside.replace('%s', ref));
    return { ok: true, path };
  }

  /** True, or a message with %s for the path, when `path` (or a symlink on the way) leads outside. */
  private confined(path: string): true | string {
    let real: string;
    try {
      real = realpathSync.native(path);
    } catch {
      return "file '%s' does not exist";
    }
    const rel = relative(this.root, real);
    if (rel.startsWith('..') || isAbsolute(rel)) return "'%s' is a symlink that leads outside the lesson pack; packs may not refer to files outside their folder";
    return true;
  }

  /** Reads a file given as an absolute path inside the pack (already resolved/confined or listed). */
  read(path: string): ReadOutcome {
    const file = this.rel(path);
    const fail = (message: string): ReadOutcome => ({ ok: false, problem: { severity: 'error', file, message } });
    const inside = this.confined(path);
    if (inside !== true) return fail(inside.replace('%s', file));
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) return fail('is not a regular file');
      size = st.size;
    } catch {
      return fail('cannot be read');
    }
    if (size > PACK_LIMITS.fileBytes) return fail(`is ${kib(size)}, more than the ${kib(PACK_LIMITS.fileBytes)} a pack file may have`);
    if (this.bytesRead + size > PACK_LIMITS.packBytes) return fail(`the pack is larger than the ${kib(PACK_LIMITS.packBytes)} limit`);
    this.bytesRead += size;
    const buffer = readFileSync(path);
    if (buffer.includes(0)) return fail('is a binary file, not text');
    return { ok: true, text: buffer.toString('utf8'), path };
  }

  /** Sub-folders of `dir` (not following symlinks that lead outside), sorted by name; `accept` filters names first. */
  folders(dir: string, accept: (name: string) => boolean = () => true): string[] {
    return this.entries(dir).filter((name) => {
      if (!accept(name)) return false;
      const path = join(dir, name);
      try {
        return statSync(path).isDirectory() && this.confined(path) === true;
      } catch {
        return false;
      }
    });
  }

  /** Regular files directly in `dir`, sorted by name; symlinks are listed so reading them can explain. */
  files(dir: string): string[] {
    return this.entries(dir).filter((name) => {
      try {
        const st = lstatSync(join(dir, name));
        return st.isFile() || st.isSymbolicLink();
      } catch {
        return false;
      }
    });
  }

  private entries(dir: string): string[] {
    try {
      return readdirSync(dir).sort();
    } catch {
      return [];
    }
  }
}

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
