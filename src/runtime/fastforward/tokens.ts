// Generated tokens — uids, generated name suffixes and pod IPs — in the order the store and the kubelet
// make them, grouped by schedule cycle. A template refers to a token by how many cycles back it was made
// and its place in that cycle, so a later cycle reads its own fresh tokens in the same places.

export type TokenKind = 'uid' | 'name' | 'ip';

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
    private readonly cycles: readonly (readonly Token[])[],
    private readonly cycle: number,
  ) {}

  token(ref: TokenRef): string {
    const t = this.cycles[this.cycle - ref.age]?.[ref.index];
    if (!t) throw new Error(`fast-forward: no token ${ref.index} ${ref.age} cycles before cycle ${this.cycle}`);
    return ref.bare ? t.value.replaceAll('-', '') : t.value;
  }

  /** `s` cut into text and the known tokens in it (a token stands alone: no letter or digit beside it). */
  find(s: string): (string | TokenRef)[] {
    const known = this.known();
    const hits: { at: number; len: number; ref: TokenRef }[] = [];
    for (const [value, ref] of known) {
      // A uid (32 hex digits at least) is found anywhere; a short token only where it stands alone.
      const long = value.length >= 32;
      for (let at = s.indexOf(value); at >= 0; at = s.indexOf(value, at + 1)) {
        if (long || standsAlone(s, at, value.length)) hits.push({ at, len: value.length, ref });
      }
    }
    if (hits.length === 0) return [s];
    hits.sort((a, b) => a.at - b.at || b.len - a.len);
    const out: (string | TokenRef)[] = [];
    let from = 0;
    for (const h of hits) {
      if (h.at < from) continue;
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
        if (!m.has(t.value)) m.set(t.value, { age, index });
        // The kubelet's container IDs carry the pod uid without its dashes.
        if (t.kind === 'uid' && !m.has(t.value.replaceAll('-', ''))) m.set(t.value.replaceAll('-', ''), { age, index, bare: true });
      });
    }
    return (this.byValue = m);
  }
}

/** How many cycles back a template may refer to a token. */
export const MAX_TOKEN_AGE = 50;

const WORD = /[0-9a-z]/;

function standsAlone(s: string, at: number, len: number): boolean {
  return !WORD.test(s[at - 1] ?? '') && !WORD.test(s[at + len] ?? '');
}
