/**
 * Styled text, independent of blessed: view models produce lines of segments with a *tone*
 * (what the text means), and renderers turn tones into colours — or into nothing under NO_COLOR.
 * Meaning never rests on colour alone: every tone's text carries its own letter or symbol.
 */
export type Tone =
  | 'plain'
  | 'bold'
  | 'dim'
  | 'title'
  | 'ok'
  | 'bad'
  | 'warn'
  | 'info'
  | 'accent'
  | 'selected'
  | 'key';

export interface Seg {
  text: string;
  tone?: Tone;
}
export type Line = Seg[];

export const seg = (text: string, tone?: Tone): Seg => (tone ? { text, tone } : { text });
export const line = (text: string, tone?: Tone): Line => [seg(text, tone)];

export function lineText(l: Line): string {
  return l.map((s) => s.text).join('');
}

// eslint-disable-next-line no-control-regex -- colour escapes in rendered Markdown take no columns
const SGR = /\u001b\[[0-9;]*m/y;

/** Terminal columns a string takes: colour escapes count zero, our symbols are single-width. */
export function width(text: string): number {
  let n = 0;
  for (const _ of text.replace(/\u001b\[[0-9;]*m/g, '')) n++;
  return n;
}

/** Cuts text to at most `cols` columns, marking the cut with an ellipsis; colour escapes are kept. */
export function fit(text: string, cols: number): string {
  if (cols <= 0) return '';
  if (width(text) <= cols) return text;
  let out = '';
  let used = 0;
  for (let i = 0; i < text.length; ) {
    SGR.lastIndex = i;
    const esc = SGR.exec(text);
    if (esc) {
      out += esc[0];
      i += esc[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (used === cols - 1) break;
    out += ch;
    used++;
    i += ch.length;
  }
  return out + '…' + (out.includes('\u001b') ? '\u001b[0m' : '');
}

export function pad(text: string, cols: number): string {
  const t = fit(text, cols);
  return t + ' '.repeat(Math.max(0, cols - width(t)));
}

/** Cuts a styled line to `cols` columns. */
export function fitLine(l: Line, cols: number): Line {
  const out: Line = [];
  let left = cols;
  for (const s of l) {
    if (left <= 0) break;
    const w = width(s.text);
    if (w <= left) {
      out.push(s);
      left -= w;
    } else {
      out.push({ ...s, text: fit(s.text, left) });
      left = 0;
    }
  }
  return out;
}

/** Word-wraps plain prose to `cols` columns (long words are cut). */
export function wrap(text: string, cols: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let current = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (width(candidate) <= cols) current = candidate;
      else {
        if (current) out.push(current);
        current = width(word) > cols ? fit(word, cols) : word;
      }
    }
    out.push(current);
  }
  return out;
}

/** A progress bar that reads without colour: filled and empty cells differ in shape. */
export function bar(done: number, total: number, cols: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * cols);
  return '█'.repeat(filled) + '░'.repeat(Math.max(0, cols - filled));
}
