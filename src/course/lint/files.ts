/**
 * Every file of a pack, whether the pack refers to it or not: symlinks that lead out, files over the
 * size limit, and text with control characters or terminal escape sequences are refused by lint even
 * where the loader would only neutralise or ignore them (a pack should not carry them at all).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { PACK_LIMITS } from '../pack/files.js';
import { hasUnsafeCharacters } from '../pack/text.js';
import type { Problem } from '../types.js';

/** A pack is a handful of folders; a deeper or larger tree is refused rather than walked. */
const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 8;

export function lintFiles(root: string): Problem[] {
  const problems: Problem[] = [];
  let seen = 0;
  let total = 0;
  const visit = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (++seen > MAX_ENTRIES) return;
      const path = join(dir, name);
      const rel = relative(root, path).split(sep).join('/');
      let st;
      try {
        st = lstatSync(path);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) {
        if (!inside(root, path)) problems.push({ severity: 'error', rule: 'symlink-out', file: rel, message: 'is a symlink that leads outside the lesson pack; packs may not refer to files outside their folder' });
        continue;
      }
      if (st.isDirectory()) {
        if (depth >= MAX_DEPTH) problems.push({ severity: 'error', rule: 'too-deep', file: rel + '/', message: `folders nest more than ${MAX_DEPTH} deep; a lesson pack is lessons/exercises/files` });
        else visit(path, depth + 1);
        continue;
      }
      if (!st.isFile()) continue;
      total += st.size;
      if (st.size > PACK_LIMITS.fileBytes) {
        problems.push({ severity: 'error', rule: 'file-size', file: rel, message: `is ${Math.ceil(st.size / 1024)} KiB; a pack file may have at most ${PACK_LIMITS.fileBytes / 1024} KiB` });
        continue;
      }
      if (/\.(md|ya?ml)$/i.test(name)) lintText(path, rel, problems);
    }
  };
  visit(root, 0);
  if (seen > MAX_ENTRIES) problems.push({ severity: 'error', rule: 'too-many-files', file: '.', message: `the pack has more than ${MAX_ENTRIES} files and folders` });
  if (total > PACK_LIMITS.packBytes) problems.push({ severity: 'error', rule: 'pack-size', file: '.', message: `the pack holds ${(total / 1024 / 1024).toFixed(1)} MiB; at most ${PACK_LIMITS.packBytes / 1024 / 1024} MiB are allowed` });
  return problems;
}

function inside(root: string, path: string): boolean {
  try {
    const rel = relative(root, realpathSync(path));
    return !rel.startsWith('..') && !isAbsolute(rel);
  } catch {
    return false;
  }
}

/** Control characters, escape sequences, bidi overrides: reported at their first line. */
function lintText(path: string, rel: string, problems: Problem[]): void {
  const text = readFileSync(path, 'utf8');
  if (!hasUnsafeCharacters(text)) return;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const index = lines.findIndex((l) => hasUnsafeCharacters(l));
  problems.push({
    severity: 'error',
    rule: 'unsafe-text',
    file: rel,
    line: index + 1,
    message: 'contains control characters or terminal escape sequences (learners would see them escaped, like \\x1b)',
    hint: 'Remove them; write plain text. Tabs are fine in YAML only as spaces.',
  });
}
