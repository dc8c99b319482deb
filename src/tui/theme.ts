import type { Line, Tone } from './text.js';

/**
 * Tones to terminal styles. Only the 8 basic colours are used, so 16-colour terminals look the same
 * as 256-colour ones; with NO_COLOR only bold and inverse remain (meaning is also in the text).
 */
export interface Theme {
  color: boolean;
}

export function themeFor(env: NodeJS.ProcessEnv): Theme {
  return { color: !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') };
}

const COLOR_TAGS: Record<Tone, string> = {
  plain: '',
  bold: 'bold',
  dim: 'gray-fg',
  title: 'bold}{cyan-fg',
  ok: 'green-fg',
  bad: 'bold}{red-fg',
  warn: 'yellow-fg',
  info: 'cyan-fg',
  accent: 'magenta-fg',
  selected: 'inverse',
  key: 'bold}{yellow-fg',
};

const MONO_TAGS: Record<Tone, string> = {
  plain: '',
  bold: 'bold',
  dim: '',
  title: 'bold',
  ok: '',
  bad: 'bold',
  warn: '',
  info: '',
  accent: '',
  selected: 'inverse',
  key: 'bold',
};

/** Braces are blessed's tag syntax: escape them in text. */
export function escapeTags(text: string): string {
  return text.replace(/[{}]/g, (ch) => (ch === '{' ? '{open}' : '{close}'));
}

export function toTags(l: Line, theme: Theme): string {
  const table = theme.color ? COLOR_TAGS : MONO_TAGS;
  return l
    .map((s) => {
      const tag = s.tone ? table[s.tone] : '';
      return tag ? `{${tag}}${escapeTags(s.text)}{/}` : escapeTags(s.text);
    })
    .join('');
}

const SGR: Record<Tone, [string, string]> = {
  plain: ['', ''],
  bold: ['1', '1'],
  dim: ['90', '1'],
  title: ['1;36', '1'],
  ok: ['32', ''],
  bad: ['1;31', '1'],
  warn: ['33', ''],
  info: ['36', ''],
  accent: ['35', ''],
  selected: ['7', '7'],
  key: ['1;33', '1'],
};

/** The same line as raw ANSI, for the first frame painted before blessed has loaded. */
export function toAnsi(l: Line, theme: Theme): string {
  return l
    .map((s) => {
      const code = s.tone ? SGR[s.tone][theme.color ? 0 : 1] : '';
      return code ? `\u001b[${code}m${s.text}\u001b[0m` : s.text;
    })
    .join('');
}

/** Removes colour escapes from rendered Markdown under NO_COLOR. */
export function stripSgr(text: string): string {
  // eslint-disable-next-line no-control-regex -- ANSI SGR sequences are what we remove
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
