// Generated tokens — uids, generated name suffixes and pod IPs — in the order the store and the kubelet
// make them, grouped by schedule cycle. A template refers to a token by how many cycles back it was made
// and its place in that cycle, so a later cycle reads its own fresh tokens in the same places.
import { FastForwardDiverged } from './diverged.js';

type TokenKind = 'uid' | 'name' | 'ip';

export interface Token {
  kind: TokenKind;
  value: string;
  /** For generated names: the prefix the suffix was added to. */
  prefix?: string;
}

/** A token by the cycle it was made in (`age` cycles back) and its place there; `bare`: without dashes. */
export interface TokenRef {
  age: number;
  index: number;
  bare?: boolean;
}

/** Where the store and the kubelet report each token they make (set only while fast-forward watches). */
export interface TokenSink {
  made(token: Token): void;
}

/** The tokens a value of cycle `cycle` may refer to: its own and those of the cycles before it. */
export class TokenContext {
  private byValue: Map<string, TokenRef> | undefined;

  constructor(
    private readonly cycles: readonly (readonly string[])[],
    private readonly cycle: number,
  ) {}

  token(ref: TokenRef): string {
    const t = this.cycles[this.cycle - ref.age]?.[ref.index];
    if (!t) throw new FastForwardDiverged(`fast-forward: no token ${ref.index} ${ref.age} cycles before cycle ${this.cycle}`);
    return ref.bare ? t.replaceAll('-', '') : t;
  }

  /**
   * `s` cut into text and the known tokens in it. A uid is found anywhere (the kubelet's container IDs
   * carry one without dashes, followed by the restart count); a generated suffix or a pod IP only where
   * it stands alone, not inside a longer word.
   */
  find(s: string): (string | TokenRef)[] {
    const known = this.known();
    const hits: { at: number; len: number; ref: TokenRef }[] = [];
    for (const m of s.matchAll(CANDIDATES)) {
      const ref = known.get(m[0]);
      if (ref) hits.push({ at: m.index, len: m[0].length, ref });
    }
    if (hits.length === 0) return [s];
    const out: (string | TokenRef)[] = [];
    let from = 0;
    for (const h of hits) {
      if (h.at > from) out.push(s.slice(from, h.at));
      out.push(h.ref);
      from = h.at + h.len;
    }
    if (from < s.length) out.push(s.slice(from));
    return out;
  }

  private known(): Map<string, TokenRef> {
    if (this.byValue) return this.byValue;
    const m = new Map<string, TokenRef>();
    // Newest first: a value made twice refers to its latest making. Tokens older than MAX_TOKEN_AGE
    // cycles read as plain text: a template that needs them does not form.
    for (let age = 0; age <= Math.min(this.cycle, MAX_TOKEN_AGE); age++) {
      const list = this.cycles[this.cycle - age] ?? [];
      list.forEach((t, index) => {
        if (!m.has(t)) m.set(t, { age, index });
        // The kubelet's container IDs carry the pod uid without its dashes.
        if (UID.test(t) && !m.has(t.replaceAll('-', ''))) m.set(t.replaceAll('-', ''), { age, index, bare: true });
      });
    }
    return (this.byValue = m);
  }
}

/** How many cycles back a template may refer to a token. */
export const MAX_TOKEN_AGE = 50;

const UID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a token can look like: a uid, a uid without dashes, a pod IP, or a whole word (a suffix). */
const CANDIDATES = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}|(?<![0-9a-z.])\d+\.\d+\.\d+\.\d+(?![0-9a-z.])|[0-9a-z]+/g;
