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
  /** A short description. */
  help: string;
  /** Shown in the bottom bar (others only in the `?` overlay). */
  bar?: boolean;
  /** When false the binding is inactive (and hidden) in the current state. */
  when?: boolean;
}

/** Keys that work in every view. */
export const globalKeys: KeyBinding<'quit' | 'back' | 'help'>[] = [
  { keys: ['escape'], label: 'Esc', action: 'back', help: 'back', bar: true },
  { keys: ['?'], label: '?', action: 'help', help: 'all keys', bar: true },
  { keys: ['q', 'C-c'], label: 'q', action: 'quit', help: 'quit', bar: true },
];

export function findBinding<A extends string>(table: KeyBinding<A>[], key: string): KeyBinding<A> | undefined {
  return table.find((b) => b.when !== false && b.keys.includes(key));
}

/** The bottom bar: the view's bar keys, then the global ones, cut to fit the width. */
export function helpBar(table: KeyBinding[], cols: number): Line {
  const items = [...table, ...globalKeys].filter((b) => b.bar && b.when !== false);
  const out: Line = [];
  let used = 0;
  for (const b of items) {
    const text = `${b.label} ${b.help}`;
    const need = (used ? 2 : 0) + text.length;
    if (used + need > cols) break;
    if (used) out.push(seg('  '));
    out.push(seg(b.label, 'key'), seg(` ${b.help}`));
    used += need;
  }
  return out;
}

/** The `?` overlay: every active key of the view, then the global keys. */
export function helpLines(title: string, table: KeyBinding[]): Line[] {
  const all = [...table.filter((b) => b.when !== false), ...globalKeys];
  const labelWidth = Math.max(...all.map((b) => b.label.length));
  return [
    [seg(`Keys — ${title}`, 'title')],
    [],
    ...all.map((b) => [seg(b.label.padEnd(labelWidth), 'key'), seg(`  ${b.help}`)]),
    [],
    [seg('Ctrl-C also quits. Press any key to close this help.', 'dim')],
  ];
}
