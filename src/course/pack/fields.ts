/**
 * Small typed readers over parsed pack YAML that record a lint-style problem (file:line, field path,
 * did-you-mean) instead of throwing. Each returns `undefined` when the value is missing or wrong.
 */
import { closest } from '../../util/suggest.js';
import type { Problem } from '../types.js';
import type { PathPart, YamlSource } from './yaml.js';
import { sanitizeText } from './text.js';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export class Reader {
  constructor(
    readonly source: YamlSource,
    readonly problems: Problem[],
  ) {}

  get file(): string {
    return this.source.file;
  }

  line(path: PathPart[]): number | undefined {
    return this.source.lineOf(path);
  }

  error(path: PathPart[], message: string): undefined {
    this.problems.push({ severity: 'error', file: this.file, line: this.line(path), path: showPath(path), message });
    return undefined;
  }

  warn(path: PathPart[], message: string): void {
    this.problems.push({ severity: 'warning', file: this.file, line: this.line(path), path: showPath(path), message });
  }

  /** Reports keys of `obj` not in `allowed`, with a did-you-mean. */
  keys(obj: Obj, path: PathPart[], allowed: readonly string[], what: string): void {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const near = closest(key, allowed);
      this.error([...path, key], `unknown key '${sanitizeText(key)}' in ${what}` + (near ? ` (did you mean '${near}'?)` : `; allowed: ${allowed.join(', ')}`));
    }
  }

  object(value: unknown, path: PathPart[], what: string): Obj | undefined {
    return isObj(value) ? value : this.error(path, `${what} must be a mapping (key: value)`);
  }

  string(obj: Obj, key: string, path: PathPart[], opts: { required?: boolean; pattern?: RegExp; patternText?: string } = {}): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return opts.required ? this.error(path, `'${key}' is required`) : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return this.error([...path, key], `'${key}' must be text`);
    const text = String(value);
    if (opts.pattern && !opts.pattern.test(text)) return this.error([...path, key], `'${key}' ${opts.patternText ?? 'has an invalid form'}: '${sanitizeText(text)}'`);
    return sanitizeText(text);
  }

  number(obj: Obj, key: string, path: PathPart[], opts: { required?: boolean; min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return opts.required ? this.error(path, `'${key}' is required`) : undefined;
    const bad = typeof value !== 'number' || !Number.isFinite(value) || (opts.integer && !Number.isInteger(value)) || (opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max);
    if (bad) {
      const range = opts.min !== undefined && opts.max !== undefined ? ` from ${opts.min} to ${opts.max}` : opts.min !== undefined ? ` ≥ ${opts.min}` : '';
      return this.error([...path, key], `'${key}' must be ${opts.integer ? 'a whole number' : 'a number'}${range}`);
    }
    return value;
  }

  stringList(obj: Obj, key: string, path: PathPart[], opts: { required?: boolean; nonEmpty?: boolean } = {}): string[] | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return opts.required ? this.error(path, `'${key}' is required`) : undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) {
      return this.error([...path, key], `'${key}' must be a list of text items`);
    }
    if (opts.nonEmpty && value.length === 0) return this.error([...path, key], `'${key}' must not be empty`);
    return value.map((v) => sanitizeText(String(v)));
  }
}

/** `checks[2].select.kind` */
export function showPath(path: PathPart[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

export const ID_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
export const ID_RULE = 'must be lowercase letters, digits and dashes (like a Kubernetes name)';
