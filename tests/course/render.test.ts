import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/course/render.js';

describe('lesson Markdown for the terminal', () => {
  test('without colour there are no escape sequences, and prose wraps to the width', async () => {
    const long = 'A Deployment owns ReplicaSets, and each ReplicaSet owns the Pods it creates from its template. '.repeat(3);
    const out = await renderMarkdown(`# Title\n\n${long}`, { width: 40, color: false });
    expect(out).not.toMatch(/\u001b/);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(out).toContain('Title');
  });

  test('a link to another lesson reads as text naming the lesson, not a dead URL', async () => {
    const out = await renderMarkdown('See [Jobs](lesson:jobs) next.', { width: 80, color: false });
    expect(out).toContain('Jobs');
    expect(out).toContain('see lesson jobs');
    expect(out).not.toContain('lesson:jobs');
  });

  test('with colour, headings are styled with ANSI', async () => {
    expect(await renderMarkdown('# Title', { width: 80, color: true })).toMatch(/\u001b\[/);
  });

  test('bold and inline code inside list items are styled, not printed raw', async () => {
    const out = await renderMarkdown('1. a **bold** word and `code`\n- **b**', { width: 80, color: true });
    expect(out).not.toContain('**');
    expect(out).not.toContain('`');
    expect(out).toContain('\u001b[1mbold');
  });

  test('a nested list keeps its own markers and the outer numbering goes on', async () => {
    const md = '1. one\n2. two\n   - inner a\n   - inner b\n3. three';
    const lines = (await renderMarkdown(md, { width: 80, color: false })).trimEnd().split('\n').map((l) => l.trim());
    expect(lines).toEqual(['1. one', '2. two', '* inner a', '* inner b', '3. three']);
  });

  test('long list items wrap under their text within the width', async () => {
    const item = 'the ReplicaSet controller creates Pods from the template '.repeat(3);
    const out = await renderMarkdown(`- ${item}`, { width: 40, color: false });
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}\S/);
  });
});
