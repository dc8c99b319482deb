import type { FirstFrameData } from './frame-cache.js';
import { helpBar } from './keys.js';
import { initialMap, mapKeys } from './models/map.js';
import { fitLine, lineText, pad, type Line } from './text.js';
import { toAnsi, type Theme } from './theme.js';
import { mapBody } from './views/map.js';

/**
 * The first frame of the course map, written as plain ANSI before blessed (≈100 ms to load and set
 * up) is ready, so the learner sees the map at once. blessed then redraws the same lines in place.
 */
export function firstFrame(data: FirstFrameData, warnings: string[], theme: Theme, cols: number, rows: number): string {
  const examples = (id: string): string[] => data.examples[id] ?? [];
  const state = initialMap(data.map, (id) => examples(id).length);
  const body = mapBody(data.map, state, cols, rows - 2, examples, warnings);
  const bar: Line = helpBar(mapKeys(), cols - 1);
  const screen = [
    '\u001b[?1049h\u001b[?25l\u001b[H\u001b[2J',
    body.map((l) => toAnsi(fitLine(l, cols), theme)).join('\r\n'),
    `\u001b[${rows};1H\u001b[7m${pad(lineText(bar), cols)}\u001b[0m`,
  ];
  return screen.join('');
}

/** The first-frame data of a loaded course. */
export function firstFrameData(port: { map(): FirstFrameData['map']; lesson(id: string): { examples: { title: string }[] } }): FirstFrameData {
  const map = port.map();
  return { map, examples: Object.fromEntries(map.lessons.map((l) => [l.id, port.lesson(l.id).examples.map((e) => e.title)])) };
}
