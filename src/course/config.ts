/**
 * Which lesson pack to run when `--lessons` is not given: a config file, `.k8s-workloads-course.json`
 * in the current folder, else `$XDG_CONFIG_HOME/k8s-workloads-course/config.json` (~/.config/…):
 *
 *   { "lessons": "../platform-course", "withBuiltin": true }
 *
 * `lessons` is relative to the config file's folder. `withBuiltin` runs the built-in lessons first
 * (like `--with-builtin`); each pack keeps its own progress (its pack id).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { closest } from '../util/suggest.js';
import { configPaths } from './config-paths.js';

export { CONFIG_FILE, configPaths } from './config-paths.js';
import { sanitizeText } from './pack/text.js';

const MAX_CONFIG_BYTES = 64 * 1024;

export interface LessonsChoice {
  /** Absolute pack folder, or undefined for the built-in lessons alone. */
  lessons?: string;
  withBuiltin: boolean;
  /** The config file that chose it, if any. */
  configFile?: string;
}

/** A config file that cannot be used: where and why. */
export class ConfigError extends Error {}


/** `--lessons`/`--with-builtin` win; otherwise the first config file found; otherwise the built-in pack. */
export function resolveLessons(opts: { lessons?: string | undefined; withBuiltin?: boolean | undefined; env: NodeJS.ProcessEnv; cwd: string }): LessonsChoice {
  if (opts.lessons) return { lessons: resolve(opts.cwd, opts.lessons), withBuiltin: opts.withBuiltin ?? false };
  const file = configPaths(opts.env, opts.cwd).find((p) => existsSync(p));
  if (!file) return { withBuiltin: false };
  const config = readConfig(file);
  return { ...config, withBuiltin: opts.withBuiltin ?? config.withBuiltin, configFile: file };
}

function readConfig(file: string): Omit<LessonsChoice, 'configFile'> {
  const fail = (why: string): never => {
    throw new ConfigError(`${sanitizeText(file)}: ${why}`);
  };
  if (statSync(file).size > MAX_CONFIG_BYTES) fail('is too large for a config file');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`is not valid JSON (${sanitizeText((err as Error).message)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('must be a JSON object such as { "lessons": "my-pack", "withBuiltin": true }');
  const obj = data as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key === 'lessons' || key === 'withBuiltin') continue;
    const near = closest(key, ['lessons', 'withBuiltin']);
    fail(`unknown setting '${sanitizeText(key)}'` + (near ? ` (did you mean '${near}'?)` : '; settings: lessons, withBuiltin'));
  }
  if (obj.lessons !== undefined && (typeof obj.lessons !== 'string' || obj.lessons === '')) fail("'lessons' must be the path of a lesson pack folder");
  if (obj.withBuiltin !== undefined && typeof obj.withBuiltin !== 'boolean') fail("'withBuiltin' must be true or false");
  const withBuiltin = obj.withBuiltin === true;
  return typeof obj.lessons === 'string' ? { lessons: resolve(dirname(file), obj.lessons), withBuiltin } : { withBuiltin: false };
}
