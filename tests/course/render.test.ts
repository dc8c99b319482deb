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
});
