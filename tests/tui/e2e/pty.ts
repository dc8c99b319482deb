import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

/** Drives the real built CLI in a pseudo-terminal and reads the screen through a headless xterm. */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const CLI = join(ROOT, 'dist/bin/k8s-workloads-course.cjs');
export const SAMPLE_PACK = join(ROOT, 'tests/fixtures/packs/sample');

export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  enter: '\r',
  escape: '\u001b',
  pageDown: '\u001b[6~',
  ctrlC: '\u0003',
} as const;

export interface StartOptions {
  cols?: number;
  rows?: number;
  args?: string[];
  env?: Record<string, string>;
  /** Run through `sh -c` with this suffix after the CLI, e.g. `; stty -a`. */
  after?: string;
  /** The temp folder to use (made with `tempDir()`), when files must be prepared before the start. */
  dir?: string;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'k8s-tui-'));
}

/** A copy of the sample pack, inside `dir`, whose first lesson is long enough to scroll. */
export function longPack(dir: string): string {
  const pack = join(dir, 'pack');
  cpSync(SAMPLE_PACK, pack, { recursive: true });
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: a ReplicaSet keeps its Pods running.`);
  appendFileSync(join(pack, '01-deployments', 'lesson.md'), '\n' + paragraphs.join('\n\n') + '\n\nThe very last line.\n');
  return pack;
}

export class PtySession {
  readonly term: InstanceType<typeof xterm.Terminal>;
  readonly dir: string;
  raw = '';
  exitCode: number | undefined;
  private readonly proc: pty.IPty;
  private readonly exited: Promise<number>;

  constructor(opts: StartOptions = {}) {
    const cols = opts.cols ?? 100;
    const rows = opts.rows ?? 30;
    this.dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'k8s-tui-'));
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: this.dir,
      TERM: 'xterm-256color',
      K8S_COURSE_HOME: join(this.dir, 'home'),
      K8S_COURSE_WORKSPACE: join(this.dir, 'ws'),
      EDITOR: 'true',
      ...opts.env,
    };
    const args = opts.args ?? ['--lessons', SAMPLE_PACK];
    const quoted = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' ');
    this.proc = opts.after
      ? pty.spawn('/bin/sh', ['-c', `${quoted}${opts.after}`], { name: 'xterm-256color', cols, rows, cwd: this.dir, env })
      : pty.spawn(process.execPath, [CLI, ...args], { name: 'xterm-256color', cols, rows, cwd: this.dir, env });
    this.proc.onData((d) => {
      this.raw += d;
      this.term.write(d);
    });
    this.exited = new Promise((done) =>
      this.proc.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        done(exitCode);
      }),
    );
  }

  /** The visible screen, one string per row (trailing spaces trimmed). */
  screen(): string[] {
    const buf = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) out.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return out;
  }

  text(): string {
    return this.screen().join('\n');
  }

  /** Waits until the screen shows `what` (xterm parses asynchronously, so poll). */
  async waitFor(what: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await new Promise<void>((r) => this.term.write('', r));
      const text = this.text();
      if (typeof what === 'string' ? text.includes(what) : what.test(text)) return text;
      if (Date.now() > deadline || this.exitCode !== undefined) {
        const why = this.exitCode === undefined ? 'timed out' : `the process exited (code ${this.exitCode}, last output ${JSON.stringify(this.raw.slice(-400))})`;
        throw new Error(`${why} waiting for ${String(what)}; the screen shows:\n${text}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until the screen no longer shows `what`. */
  async waitForGone(what: string, timeoutMs = 15_000): Promise<void> {
    await this.waitFor(new RegExp(`^(?![\\s\\S]*${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`), timeoutMs);
  }

  signal(name: string): void {
    this.proc.kill(name);
  }

  send(keys: string): void {
    this.proc.write(keys);
  }

  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  async exit(timeoutMs = 10_000): Promise<number> {
    const timer = setTimeout(() => this.proc.kill(), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    await new Promise<void>((r) => this.term.write('', r));
    return code;
  }

  /** Ends the process if it still runs, waits for it, and removes the temp folder. */
  async dispose(): Promise<void> {
    if (this.exitCode === undefined) this.proc.kill();
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5_000))]);
    this.term.dispose();
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 5 });
  }
}
