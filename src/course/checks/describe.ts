/**
 * Plain-words descriptions of selections and checks: generated check titles and the "expected" line
 * of a check's outcome ("exactly 3 Pods with app=web, phase Running, ready").
 */
import type { Check, Comparator, CountRange, LabelSelectorSpec, Selection } from '../types.js';

/** "Pods with app=web owned by Deployment web that are Running and Ready", "Job pi that is Complete". */
export function describeSelection(sel: Selection, one = false): string {
  const single = sel.name !== undefined || one;
  const parts: string[] = [sel.name !== undefined ? `${sel.kind} ${sel.name}` : one ? sel.kind : plural(sel.kind)];
  if (sel.names) parts.push(`named ${sel.names.join(', ')}`);
  if (sel.namePrefix !== undefined) parts.push(`named ${sel.namePrefix}…`);
  if (sel.selector) parts.push(`with ${describeLabelSelector(sel.selector)}`);
  if (sel.ownedBy) parts.push(`owned by ${sel.ownedBy.kind} ${sel.ownedBy.name}`);
  if (sel.namespace !== undefined) parts.push(`in namespace ${sel.namespace}`);
  const states: string[] = [];
  const fields: string[] = [];
  for (const [path, c] of Object.entries(sel.where ?? {})) {
    const state = stateWord(path, c);
    if (state) states.push(state);
    else fields.push(`${path} ${describeComparator(c)}`);
  }
  if (states.length) parts.push(`that ${single ? 'is' : 'are'} ${states.join(' and ')}`);
  if (fields.length) parts.push(`whose ${fields.join(' and ')}`);
  return parts.join(' ');
}

/** Conditions that read as a state: phase Running → "Running", ready: false → "not Ready". */
function stateWord(path: string, c: Comparator): string | undefined {
  if (c.op !== 'eq') return undefined;
  const word = { ready: 'Ready', available: 'available', terminating: 'terminating' }[path];
  if (word) return c.value === true ? word : `not ${word}`;
  if (path === 'phase' && typeof c.value === 'string') return c.value;
  if (path === 'node' && typeof c.value === 'string') return `on ${c.value}`;
  return undefined;
}

export function describeLabelSelector(s: LabelSelectorSpec): string {
  const terms = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    if (e.operator === 'Exists') terms.push(e.key);
    else if (e.operator === 'DoesNotExist') terms.push(`!${e.key}`);
    else terms.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${(e.values ?? []).join(',')})`);
  }
  return terms.join(',') || 'any labels';
}

export function describeComparator(c: Comparator): string {
  switch (c.op) {
    case 'eq':
      return `is ${show(c.value)}`;
    case 'range':
      return describeRange(c);
    case 'oneOf':
      return `is one of ${c.values.map(show).join(', ')}`;
    case 'not':
      return `is not ${show(c.value)}`;
    case 'exists':
      return c.value ? 'is set' : 'is not set';
    case 'contains':
      return `contains ${show(c.value)}`;
    case 'matches':
      return `matches /${c.pattern}/`;
  }
}

export function describeRange(r: CountRange): string {
  if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? `is ${r.min}` : `is between ${r.min} and ${r.max}`;
  if (r.min !== undefined) return `is at least ${r.min}`;
  return `is at most ${r.max}`;
}

export function describeCount(r: CountRange): string {
  if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? `exactly ${r.min}` : `${r.min} to ${r.max}`;
  if (r.min !== undefined) return `at least ${r.min}`;
  return `at most ${r.max}`;
}

const QUANTIFIER = { end: 'at the end', always: 'at every moment', ever: 'at some moment' } as const;

function quantifier(check: Check): string {
  const base = QUANTIFIER[check.when];
  const d = check.during;
  if (!d || check.when === 'end') return base;
  const from = d.fromStep ? `from step ${d.fromStep}` : 'from the start';
  const to = d.toStep ? `to step ${d.toStep}` : 'to the end';
  return `${base} ${from} ${to}`;
}

/** The default title of a check, and its "expected" line. */
export function describeCheck(check: Check): string {
  const e = check.expect;
  const sel = check.select ? describeSelection(check.select) : '';
  switch (e.type) {
    case 'count': {
      const one = e.range.max === 1 && (e.range.min === undefined || e.range.min === 1);
      return `${describeCount(e.range)} ${one && check.select ? describeSelection(check.select, true) : sel} ${quantifier(check)}`;
    }
    case 'fields':
      return `${sel}: ${Object.entries(e.fields).map(([p, c]) => `${p} ${describeComparator(c)}`).join(', ')} ${quantifier(check)}`;
    case 'names':
      return `${sel} are exactly ${e.names.join(', ')} ${quantifier(check)}`;
    case 'perNode': {
      const nodes = e.nodes?.names ? `each of ${e.nodes.names.join(', ')}` : e.nodes?.selector ? `each node with ${describeLabelSelector(e.nodes.selector)}` : 'each node';
      const elsewhere = e.elsewhere !== undefined ? ` and at most ${e.elsewhere} on other nodes` : '';
      return `${nodes} runs exactly ${e.count} of the ${sel}${elsewhere} ${quantifier(check)}`;
    }
    case 'event': {
      const on = e.object ? ` on ${e.object.kind}${e.object.name ? ' ' + e.object.name : e.object.namePrefix ? ' ' + e.object.namePrefix + '…' : ''}` : '';
      const msg = e.messageContains ? ` mentioning "${e.messageContains}"` : '';
      return `${describeCount(e.count)} ${e.reason} event${e.count.max === 1 && e.count.min === 1 ? '' : 's'}${on}${msg}`;
    }
    case 'order':
      return e.steps.map((s) => `${describeSelection(s.select)} ${typeof s.state === 'string' ? s.state : 'matches ' + Object.keys(s.state.where).join(', ')}`).join(', then ');
  }
}

/** "Deployment web does not exist", "no Pods with app=web exist". */
export function describeNone(sel: Selection): string {
  return sel.name !== undefined ? `${describeSelection(sel)} does not exist` : `no ${describeSelection(sel)} exist`;
}

function plural(kind: string): string {
  return kind.endsWith('s') ? `${kind}es` : `${kind}s`;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
