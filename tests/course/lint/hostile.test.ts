// Hostile packs are refused: lint reports an error, and the loader (what the course runs) refuses or
// neutralises, never reads outside the pack and never crashes.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadPack, PackError, readPack } from '../../../src/course/index.js';
import { lintPack } from '../../../src/course/lint/index.js';

const CLEAN = join(import.meta.dirname, '../../fixtures/packs/lint-clean');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'course-hostile-'));
  cpSync(CLEAN, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const errors = async () => (await lintPack(dir)).problems.filter((p) => p.severity === 'error');

describe('hostile packs', () => {
  test('a huge lesson file is refused by lint and by the loader', async () => {
    writeFileSync(join(dir, '01-intro/lesson.md'), '---\nid: intro\n---\n' + 'x'.repeat(300 * 1024));
    expect(await errors()).toContainEqual(expect.objectContaining({ file: '01-intro/lesson.md', message: expect.stringContaining('KiB') }));
    expect(() => loadPack(dir)).toThrow(PackError);
  });

  test('a symlinked folder that leads out of the pack is reported and never followed', async () => {
    symlinkSync(tmpdir(), join(dir, '02-outside'));
    expect(await errors()).toContainEqual(expect.objectContaining({ rule: 'symlink-out', file: '02-outside' }));
    expect(readPack(dir).pack.lessons.map((l) => l.folder)).toEqual(['01-intro']);
  });

  test('an unreferenced file with escape sequences is still refused by lint', async () => {
    writeFileSync(join(dir, '01-intro/notes.md'), 'fine\n\u001b]52;c;ZWNobyBoaQ==\u0007 clipboard write\n');
    expect(await errors()).toContainEqual(expect.objectContaining({ rule: 'unsafe-text', file: '01-intro/notes.md', line: 2 }));
  });

  test('escape sequences in lesson text reach the learner neutralised', () => {
    writeFileSync(join(dir, '01-intro/lesson.md'), '---\nid: intro\ntitle: "Intro \\e[31m"\nsummary: s\nobjectives: [o]\nminutes: 5\n---\nText \u001b[2J here\n');
    const lesson = loadPack(dir).lessons[0]!;
    expect(lesson.markdown).not.toContain('\u001b');
    expect(lesson.title).not.toContain('\u001b');
  });

  test('a scenario that applies a file outside the pack is refused', async () => {
    const ex = join(dir, '01-intro/exercises/01-three/exercise.yaml');
    writeFileSync(ex, (await import('node:fs')).readFileSync(ex, 'utf8').replace('  nodes: 2\n', '  nodes: 2\n  steps:\n    - apply: ../../../../../../etc/passwd\n'));
    expect(await errors()).toContainEqual(expect.objectContaining({ message: expect.stringContaining("uses '..'") }));
    expect(() => loadPack(dir)).toThrow(PackError);
  });
});
