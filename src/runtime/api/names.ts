// Generated names and the pod-template-hash, in the form Kubernetes uses.
import type { Rand } from '../rand.js';

/** k8s.io/apimachinery/pkg/util/rand: no vowels (no words) and no confusable characters. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Characters generateName adds (names.SimpleNameGenerator's randomLength). */
export const GENERATED_SUFFIX_LENGTH = 5;

/** A random string of `n` characters from the Kubernetes alphabet (generateName suffixes by default). */
export function randomSuffix(rand: Rand, n = GENERATED_SUFFIX_LENGTH): string {
  let out = '';
  for (let i = 0; i < n; i++) out += NAME_ALPHABET[rand.int(NAME_ALPHABET.length)];
  return out;
}

/** generateName + suffix, trimmed so the result is a valid 63-character name (as names.SimpleNameGenerator). */
export function generateName(prefix: string, rand: Rand): string {
  const max = 63 - GENERATED_SUFFIX_LENGTH;
  return (prefix.length > max ? prefix.slice(0, max) : prefix) + randomSuffix(rand);
}

/** FNV-1a 32-bit over a string's UTF-16 code units (the hash upstream feeds with the template's dump). */
function fnv32a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
    const hi = text.charCodeAt(i) >> 8;
    if (hi) {
      h ^= hi;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/** JSON with sorted keys, so equal templates hash alike whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((value as Record<string, unknown>)[k])).join(',') + '}';
}

/**
 * pod-template-hash as controller.ComputeHash: FNV-32a of the template (plus collisionCount when set),
 * rendered with rand.SafeEncodeString (decimal digits mapped onto the alphabet). Not byte-identical to
 * upstream's (which hashes a Go dump), but stable and of the same form.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(canonicalJson(template));
  if (collisionCount !== undefined && collisionCount !== null) h = fnv32a(String(collisionCount), h);
  return safeEncodeString(String(h));
}

/** rand.SafeEncodeString: each character indexes the alphabet by its code (mod its length). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}
