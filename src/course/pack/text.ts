/**
 * Pack text is untrusted: before anything is displayed, control characters, terminal escape sequences
 * and bidirectional overrides are made visible and harmless (the runtime's `sanitizeForTerminal`, shared
 * with the validator). CRLF line ends become LF first so Windows-written packs stay clean.
 */
import { sanitizeForTerminal } from '../../runtime/yaml/sanitize.js';

export function sanitizeText(text: string): string {
  return sanitizeForTerminal(text.replace(/\r\n?/g, '\n'));
}

/** True when the text had something `sanitizeText` neutralises (lint reports it). */
export function hasUnsafeCharacters(text: string): boolean {
  const normalised = text.replace(/\r\n?/g, '\n');
  return sanitizeForTerminal(normalised) !== normalised;
}
