// Names and values from a learner's file end up in terminal output; a raw ESC, a C1 control or a
// bidirectional override there could rewrite the screen or disguise text, so they are shown escaped.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with control characters and escape sequences made visible (`\x1b`, `\u202e`), newlines and tabs kept. */
export function sanitizeForTerminal(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A value as message text: strings as they are, anything else in JSON form. Never throws, unlike
 * String() on a mapping that has its own `toString` key.
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A value quoted for a message: JSON form, shortened, safe for a terminal. */
export function quote(value: unknown, max = 60): string {
  let text = typeof value === 'string' ? JSON.stringify(value) : asText(value);
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return sanitizeForTerminal(text);
}
