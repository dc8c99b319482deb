/**
 * Asking the learner: with @inquirer/prompts on an interactive terminal, or by reading answer lines
 * from stdin otherwise (scripts, screen readers that prefer plain lines, tests). Both return the same
 * data, so quiz and course code is written once.
 */
import { createInterface, type Interface } from 'node:readline';
import type { CliIO } from '../io.js';

export interface Choice {
  name: string;
  value: number;
}

export interface Prompter {
  select(message: string, choices: Choice[]): Promise<number>;
  checkbox(message: string, choices: Choice[]): Promise<number[]>;
  confirm(message: string, fallback: boolean): Promise<boolean>;
  /** Items to put in order: returns them in the learner's order. */
  order(message: string, items: string[]): Promise<string[]>;
  input(message: string): Promise<string>;
  close(): void;
}

/** Input ended (Ctrl-D, end of piped answers) or the learner pressed Ctrl-C: stop quietly. */
export class PromptClosed extends Error {}

export function createPrompter(io: CliIO): Prompter {
  return io.stdin.isTTY && io.stdout.isTTY ? new InquirerPrompter(io) : new LinePrompter(io);
}

class InquirerPrompter implements Prompter {
  constructor(private readonly io: CliIO) {}

  private async run<T>(fn: (p: typeof import('@inquirer/prompts'), ctx: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }) => Promise<T>): Promise<T> {
    const prompts = await import('@inquirer/prompts');
    try {
      return await fn(prompts, { input: this.io.stdin, output: this.io.stdout });
    } catch (err) {
      if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new PromptClosed();
      throw err;
    }
  }

  select(message: string, choices: Choice[]): Promise<number> {
    return this.run((p, ctx) => p.select({ message, choices, loop: false }, ctx));
  }

  checkbox(message: string, choices: Choice[]): Promise<number[]> {
    return this.run((p, ctx) => p.checkbox({ message, choices, loop: false }, ctx));
  }

  confirm(message: string, fallback: boolean): Promise<boolean> {
    return this.run((p, ctx) => p.confirm({ message, default: fallback }, ctx));
  }

  async order(message: string, items: string[]): Promise<string[]> {
    // Pick the items one by one, first to last: simpler with a screen reader than drag-and-drop.
    const left = [...items];
    const chosen: string[] = [];
    while (left.length > 1) {
      const i = await this.select(`${message} (${chosen.length + 1}/${items.length}: which comes ${chosen.length ? 'next' : 'first'}?)`, left.map((name, value) => ({ name, value })));
      chosen.push(...left.splice(i, 1));
    }
    return [...chosen, ...left];
  }

  input(message: string): Promise<string> {
    return this.run((p, ctx) => p.input({ message }, ctx));
  }

  close(): void {}
}

/** Numbered choices and typed answers, one line each. */
class LinePrompter implements Prompter {
  private readonly rl: Interface;
  private readonly lines: string[] = [];
  private waiting: ((line: string | undefined) => void) | undefined;
  private ended = false;

  constructor(private readonly io: CliIO) {
    this.rl = createInterface({ input: io.stdin, terminal: false });
    this.rl.on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w(line);
      } else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.ended = true;
      this.waiting?.(undefined);
    });
  }

  private async ask(message: string): Promise<string> {
    this.io.stdout.write(`${message} `);
    const line = this.lines.length ? this.lines.shift() : this.ended ? undefined : await new Promise<string | undefined>((resolve) => (this.waiting = resolve));
    if (line === undefined) {
      this.io.stdout.write('\n');
      throw new PromptClosed();
    }
    this.io.stdout.write(`${line}\n`);
    return line.trim();
  }

  private list(choices: Choice[]): void {
    choices.forEach((c, i) => this.io.stdout.write(`  ${i + 1}. ${c.name}\n`));
  }

  async select(message: string, choices: Choice[]): Promise<number> {
    this.io.stdout.write(`${message}\n`);
    this.list(choices);
    for (;;) {
      const n = Number(await this.ask(`Your answer (1-${choices.length}):`));
      if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1]!.value;
      this.io.stdout.write(`Please type a number from 1 to ${choices.length}.\n`);
    }
  }

  async checkbox(message: string, choices: Choice[]): Promise<number[]> {
    this.io.stdout.write(`${message}\n`);
    this.list(choices);
    for (;;) {
      const parts = (await this.ask('Your answers (numbers separated by commas or spaces):')).split(/[\s,]+/).filter(Boolean).map(Number);
      if (parts.length && parts.every((n) => Number.isInteger(n) && n >= 1 && n <= choices.length)) return [...new Set(parts)].map((n) => choices[n - 1]!.value);
      this.io.stdout.write(`Please type numbers from 1 to ${choices.length}, e.g. 1,3.\n`);
    }
  }

  async confirm(message: string, fallback: boolean): Promise<boolean> {
    for (;;) {
      const a = (await this.ask(`${message} (${fallback ? 'Y/n' : 'y/N'})`)).toLowerCase();
      if (a === '') return fallback;
      if (['y', 'yes', 'true', 't'].includes(a)) return true;
      if (['n', 'no', 'false', 'f'].includes(a)) return false;
      this.io.stdout.write('Please answer y or n.\n');
    }
  }

  async order(message: string, items: string[]): Promise<string[]> {
    this.io.stdout.write(`${message}\n`);
    this.list(items.map((name, value) => ({ name, value })));
    for (;;) {
      const parts = (await this.ask(`Your order (all ${items.length} numbers, first to last, e.g. ${items.map((_, i) => i + 1).reverse().join(' ')}):`)).split(/[\s,]+/).filter(Boolean).map(Number);
      const valid = parts.length === items.length && new Set(parts).size === items.length && parts.every((n) => Number.isInteger(n) && n >= 1 && n <= items.length);
      if (valid) return parts.map((n) => items[n - 1]!);
      this.io.stdout.write(`Please give each number from 1 to ${items.length} once.\n`);
    }
  }

  input(message: string): Promise<string> {
    return this.ask(message);
  }

  close(): void {
    this.rl.close();
  }
}
