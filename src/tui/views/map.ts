import type { CourseMap } from '../../course/types.js';
import type { KeyBinding } from '../keys.js';
import { initialMap, mapKeys, mapMove, mapView, selectedRow, type MapAction, type MapState } from '../models/map.js';
import { clampScroll } from '../models/scroll.js';
import { lineText, pad, seg, type Line } from '../text.js';
import type { AppContext, View } from '../view.js';

/** The course map: the home view. Opening a row pushes the matching view (loaded on demand). */
export class MapScreen implements View {
  title = 'course map';
  private map: CourseMap;
  private state: MapState;
  private offset = 0;
  private warnings: string[];

  constructor(private readonly app: AppContext) {
    this.map = app.port.map();
    this.state = initialMap(this.map, (id) => this.examples(id).length);
    this.warnings = app.port.warnings;
  }

  private examples(id: string): string[] {
    return this.app.port.lesson(id).examples.map((e) => e.title);
  }

  keys(): KeyBinding[] {
    return mapKeys();
  }

  /** Progress changes while other views are open; refresh when we are back on top. */
  shown(): void {
    this.map = this.app.port.map();
  }

  /** The sandbox's file-name prompt, while it is open. */
  private prompt?: string;
  private notice?: string;

  input(ch: string | undefined, key: string): boolean {
    if (this.prompt === undefined) return false;
    if (key === 'escape') this.prompt = undefined;
    else if (key === 'enter') this.runSandbox(this.prompt.trim());
    else if (key === 'backspace') this.prompt = [...this.prompt].slice(0, -1).join('');
    else if (ch && /^[\x20-\x7e]$/.test(ch)) this.prompt += ch;
    return true;
  }

  private runSandbox(path: string): void {
    this.prompt = undefined;
    if (!path) return;
    this.app.run(async () => {
      this.notice = undefined;
      const sim = await this.app.port.sandbox(path);
      this.app.push((await import('./cluster.js')).ClusterScreen.open(this.app, sim, `sandbox: ${path}`));
    });
  }

  status(): Line | undefined {
    if (this.prompt !== undefined) return [seg('Manifest file to run: ', 'accent'), seg(this.prompt), seg('▏  (Enter run, Esc cancel)', 'dim')];
    return this.notice ? [seg(this.notice, 'info')] : undefined;
  }

  act(action: string): void {
    const a = action as MapAction;
    if (a === 'sandbox') {
      this.prompt = '';
      return;
    }
    if (a !== 'enter') {
      this.state = mapMove(this.map, this.state, a, (id) => this.examples(id).length);
      return;
    }
    const row = selectedRow(this.map, this.state, (id) => this.examples(id).length);
    if (!row) return;
    this.warnings = [];
    this.app.run(async () => {
      const views = await import('./open.js');
      this.app.push(await views.openRow(this.app, row));
    });
  }

  body(cols: number, height: number): Line[] {
    return mapBody(this.map, this.state, cols, height, (id) => this.examples(id), this.warnings, this.offset, (o) => (this.offset = o));
  }
}

/** Header, the visible slice of rows (cursor kept in view), and the footer. Shared with the first frame. */
export function mapBody(
  map: CourseMap,
  state: MapState,
  cols: number,
  height: number,
  examples: (id: string) => string[],
  warnings: string[],
  offset = 0,
  setOffset: (o: number) => void = () => undefined,
): Line[] {
  const v = mapView(map, state, cols, examples, warnings);
  const room = Math.max(1, height - v.header.length - v.footer.length - 1);
  let top = offset;
  if (v.selected < top) top = v.selected;
  if (v.selected >= top + room) top = v.selected - room + 1;
  top = clampScroll(top, v.rows.length, room);
  setOffset(top);
  // The selected row is shown inverse across the whole width, so it stands out without colour.
  const highlight = (l: Line): Line => [seg(pad(lineText(l), cols), 'selected')];
  const rows = v.rows.slice(top, top + room).map((l, i) => (i + top === v.selected ? highlight(l) : l));
  while (rows.length < room) rows.push([seg('')]);
  return [...v.header, ...rows, [], ...v.footer];
}
