import { helpBar } from './keys.js';
import { initialMap, mapKeys } from './models/map.js';
import type { CoursePort } from './port.js';
import { fitLine, pad, lineText, type Line } from './text.js';
import { toAnsi, type Theme } from './theme.js';
import { mapBody } from './views/map.js';

/**
 * The first frame of the course map, written as plain ANSI before blessed (≈100 ms to load and set
 * up) is ready, so the learner sees the map at once. blessed then redraws the same lines in place.
 */
export function paintFirstFrame(port: CoursePort, theme: Theme, out: NodeJS.WriteStream): void {
  const cols = out.columns;
  const rows = out.rows;
  const map = port.map();
  const examples = (id: string): string[] => port.lesson(id).examples.map((e) => e.title);
  const state = initialMap(map, (id) => examples(id).length);
  const body = mapBody(map, state, cols, rows - 2, examples, port.warnings);
  const bar: Line = helpBar(mapKeys(), cols - 1);
  const screen = [
    '\u001b[?1049h\u001b[?25l\u001b[H\u001b[2J',
    body.map((l) => toAnsi(fitLine(l, cols), theme)).join('\r\n'),
    `\u001b[${rows};1H\u001b[7m${pad(lineText(bar), cols)}\u001b[0m`,
  ];
  out.write(screen.join(''));
}
