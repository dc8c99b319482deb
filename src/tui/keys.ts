import type { Line } from './text.js';
import { seg } from './text.js';

/**
 * One key table per view drives both the bindings and the help bar, so they never disagree.
 * `keys` are blessed key names (`key.full`): 'up', 'S-up', 'C-c', 'enter', 'space', 'a'…
 */
export interface KeyBinding<A extends string = string> {
  keys: string[];
  /** How the key is written in the help bar, e.g. '←/→'. */
  label: string;
  action: A;
  /** A short description (the bottom bar). */
  help: string;
  /** A longer description for the `?` overlay, when the short one is terse. */
  detail?: string;
  /** Shown in the bottom bar (others only in the `?` overlay). */
  bar?: boolean;
  /** When false the binding is inactive (and hidden) in the current state. */
  when?: boolean;
}

/** Keys that work in every view. */
export const globalKeys: KeyBinding<'quit' | 'back' | 'help'>[] = [
  { keys: ['escape'], label: 'Esc', action: 'back', help: 'back', bar: true },
  { keys: ['?'], label: '?', action: 'help', help: 'keys', bar: true },
  { keys: ['q', 'C-c'], label: 'q', action: 'quit', help: 'quit', bar: true },
];

export function findBinding<A extends string>(table: KeyBinding<A>[], key: string): KeyBinding<A> | undefined {
  return table.find((b) => b.when !== false && b.keys.includes(key));
}

/** The bottom bar: the view's bar keys that fit, then the global ones (always shown). */
export function helpBar(table: KeyBinding[], cols: number): Line {
  const item = (b: KeyBinding): Line => [seg(b.label, 'key'), seg(` ${b.help}`)];
  const len = (b: KeyBinding): number => b.label.length + 1 + b.help.length;
  const globals = globalKeys.filter((b) => b.bar);
  let used = globals.reduce((n, b) => n + len(b) + 2, 0);
  const shown: KeyBinding[] = [];
  for (const b of table.filter((b) => b.bar && b.when !== false)) {
    if (used + len(b) + 2 > cols) break;
    shown.push(b);
    used += len(b) + 2;
  }
  return [...shown, ...globals].flatMap((b, i) => (i ? [seg('  '), ...item(b)] : item(b)));
}

/** The `?` overlay: every active key of the view, then the global keys. */
export function helpLines(title: string, table: KeyBinding[]): Line[] {
  const all = [...table.filter((b) => b.when !== false), ...globalKeys];
  const labelWidth = Math.max(...all.map((b) => b.label.length));
  return [
    [seg(`Keys — ${title}`, 'title')],
    [],
    ...all.map((b) => [seg(b.label.padEnd(labelWidth), 'key'), seg(`  ${b.detail ?? b.help}`)]),
    [],
    [seg('Ctrl-C also quits. Press any key to close this help.', 'dim')],
  ];
}
