// Every fixture under tests/fixtures/broken-packs is the clean pack tests/fixtures/packs/lint-clean with
// one mistake; its expect.json names the problem lint must report (severity, file, line, message).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lintPack } from '../../../src/course/lint/index.js';

const ROOT = join(import.meta.dirname, '../../fixtures/broken-packs');
const fixtures = readdirSync(ROOT).sort();

interface Expected {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  message: string;
}

describe('lint reports each broken pack with the right message', () => {
  test('there are at least 25 broken-pack fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  test('the clean pack they are made from has no problem at all', async () => {
    const report = await lintPack(join(import.meta.dirname, '../../fixtures/packs/lint-clean'));
    expect(report.problems).toEqual([]);
    expect(report.stats.mutants).toBeGreaterThan(0);
  });

  test.each(fixtures)('%s', async (name) => {
    const want = JSON.parse(readFileSync(join(ROOT, name, 'expect.json'), 'utf8')) as Expected;
    const report = await lintPack(join(ROOT, name));
    const found = report.problems.find((p) => p.severity === want.severity && p.file === want.file && p.message.includes(want.message) && (want.line === undefined || p.line === want.line));
    expect(found, `expected ${JSON.stringify(want)} among\n${report.problems.map((p) => `${p.severity} ${p.file}:${p.line}: ${p.message}`).join('\n')}`).toBeDefined();
  });
});
