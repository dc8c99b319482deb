import blessed from 'blessed';
import { findBinding, globalKeys, helpBar, helpLines, type KeyBinding } from './keys.js';
import type { CoursePort } from './port.js';
import { fitLine, seg, type Line } from './text.js';
import { toTags, type Theme } from './theme.js';
import { MapScreen } from './views/map.js';
import type { AppContext, View } from './view.js';

import { MIN_COLS, MIN_ROWS } from '../cli/screen.js';

export interface AppOptions {
  port: CoursePort;
  theme: Theme;
}

/**
 * The full-screen app: a stack of views over one blessed screen (a body, a status line, the help bar).
 * Resolves when the learner quits. Terminal restoration on errors and signals is the caller's guard.
 */
export class App implements AppContext {
  readonly port: CoursePort;
  readonly theme: Theme;
  readonly screen: blessed.Widgets.Screen;
  private readonly stack: View[] = [];
  private readonly bodyBox: blessed.Widgets.BoxElement;
  private readonly statusBox: blessed.Widgets.BoxElement;
  private readonly barBox: blessed.Widgets.BoxElement;
  private helpShown = false;
  private error?: string;
  private busy = false;
  private finish!: () => void;
  readonly done: Promise<void>;

  constructor(opts: AppOptions) {
    this.port = opts.port;
    this.theme = opts.theme;
    this.done = new Promise((resolve) => (this.finish = resolve));
    // Under tmux/screen, blessed otherwise draws line art with the VT100 charset (`lqqk`).
    process.env.NCURSES_NO_UTF8_ACS ??= '1';
    // forceUnicode: containers often run without a UTF-8 locale on UTF-8 terminals; blessed would
    // then print every symbol (✓, ×, │) as '?'. The first frame is UTF-8 already.
    this.screen = blessed.screen({ smartCSR: true, forceUnicode: true, title: 'k8s-workloads-course', warnings: false, autoPadding: false });
    const common = { parent: this.screen, left: 0, width: '100%', tags: true, wrap: false } as const;
    this.bodyBox = blessed.box({ ...common, top: 0, height: '100%-2' });
    this.statusBox = blessed.box({ ...common, bottom: 1, height: 1 });
    this.barBox = blessed.box({ ...common, bottom: 0, height: 1, style: { inverse: true } });
    this.screen.on('keypress', (ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg) => this.onKey(ch, key));
    this.screen.on('resize', () => this.render());
    this.bodyBox.on('wheeldown', () => this.wheel('down'));
    this.bodyBox.on('wheelup', () => this.wheel('up'));
    this.push(new MapScreen(this));
  }

  private get top(): View {
    return this.stack[this.stack.length - 1]!;
  }

  push(view: View): void {
    this.stack.at(-1)?.hidden?.();
    this.stack.push(view);
    view.shown?.();
    this.render();
  }

  pop(): void {
    if (this.stack.length <= 1) return;
    this.stack.pop()!.hidden?.();
    this.top.shown?.();
    this.render();
  }

  quit(): void {
    for (const v of this.stack) v.hidden?.();
    this.screen.destroy();
    this.finish();
  }

  size(): { cols: number; rows: number } {
    return { cols: this.screen.cols as number, rows: Math.max(1, (this.screen.rows as number) - 2) };
  }

  private tooSmall(): boolean {
    return (this.screen.cols as number) < MIN_COLS || (this.screen.rows as number) < MIN_ROWS;
  }

  exec(command: string, args: string[]): Promise<number> {
    return new Promise((resolve) => {
      const child = this.screen.spawn(command, args, {});
      child.on('error', () => resolve(127));
      child.on('exit', (code) => resolve(code ?? 1));
    });
  }

  run(task: () => Promise<void>): void {
    this.busy = true;
    task()
      .catch((err: unknown) => {
        this.error = err instanceof Error ? err.message : String(err);
      })
      .finally(() => {
        this.busy = false;
        this.render();
      });
  }

  private wheel(action: 'up' | 'down'): void {
    if (this.helpShown || this.tooSmall()) return;
    const b = this.top.keys().find((k) => k.action === action && k.when !== false);
    if (!b) return;
    for (let i = 0; i < 3; i++) void this.top.act(action);
    this.render();
  }

  private onKey(ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg): void {
    const name = key.full;
    if (name === 'return') return; // blessed reports Enter twice: as `return` and as `enter`.
    this.error = undefined;
    if (this.helpShown) {
      this.helpShown = name === 'C-c' ? this.helpShown : false;
      if (name !== 'C-c' && name !== 'q') return this.render();
    }
    const global = findBinding(globalKeys, name);
    // Typed input (answers, file names) takes keys first, so `q` can be typed; Ctrl-C always quits.
    if (!this.tooSmall() && name !== 'C-c' && this.top.input?.(ch, name)) return this.render();
    if (global?.action === 'quit') return this.quit();
    if (global?.action === 'back') {
      if (this.stack.length > 1) this.pop();
      return;
    }
    if (global?.action === 'help') {
      this.helpShown = true;
      return this.render();
    }
    if (this.tooSmall() || this.busy) return;
    const b = findBinding(this.top.keys() as KeyBinding[], name);
    if (!b) return;
    const r = this.top.act(b.action);
    if (r instanceof Promise) this.run(() => r);
    else this.render();
  }

  render(): void {
    const cols = this.screen.cols as number;
    const rows = this.screen.rows as number;
    let body: Line[];
    let status: Line | undefined;
    let bar: Line;
    if (this.tooSmall()) {
      body = [
        [seg(`The terminal is ${cols}×${rows}; the course needs at least ${MIN_COLS}×${MIN_ROWS}.`, 'warn')],
        [seg('Enlarge the window, or quit (q) and run: k8s-workloads-course --plain', 'plain')],
      ];
      bar = [seg('q', 'key'), seg(' quit')];
    } else if (this.helpShown) {
      body = helpLines(this.top.title, this.top.keys());
      bar = [seg('any key', 'key'), seg(' close help')];
    } else {
      const { cols: c, rows: h } = this.size();
      body = this.top.body(c, h);
      status = this.error ? [seg(`⚠ ${this.error}`, 'bad')] : this.top.status?.();
      bar = helpBar(this.top.keys(), cols - 1);
    }
    this.bodyBox.setContent(body.map((l) => toTags(fitLine(l, cols), this.theme)).join('\n'));
    this.statusBox.setContent(status ? toTags(fitLine(status, cols), this.theme) : '');
    this.barBox.setContent(toTags(bar, this.theme));
    this.screen.render();
  }
}

export async function runApp(opts: AppOptions): Promise<App> {
  const app = new App(opts);
  await app.done;
  return app;
}
