// Plain-scalar resolution for the js-yaml fast path, identical string for string to the reference path:
// the yaml package's YAML 1.1 schema (yaml/dist/schema/yaml-1.1/{bool,int,float}.js, common/null.js)
// with the tags `kubernetesTags` drops (timestamps, sexagesimal, binary, sets...) left out. The tests
// (tests/runtime/yaml/fast.test.ts) check both paths give the same values for every tricky form.
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

/**
 * The tag of implicitly resolved scalars. It contains spaces, which a verbatim tag (`!<...>`) cannot,
 * so a node carrying it was resolved implicitly, never tagged explicitly in the text.
 */
export const IMPLICIT_TAG = 'k8s-course implicit scalar';

/** As the yaml package's intResolve: sign, then the digits with `_` removed, parsed in `radix`. */
function integer(source: string, prefixLength: number, radix: number): number {
  const sign = source[0];
  const skip = sign === '-' || sign === '+' ? prefixLength + 1 : prefixLength;
  const n = parseInt(source.substring(skip).replace(/_/g, ''), radix);
  return sign === '-' ? -1 * n : n;
}

const float = (source: string): number => parseFloat(source.replace(/_/g, ''));

/** A scalar test, the first characters it can match, and the value it gives. */
type Resolver = [RegExp, string, (source: string) => unknown];

const DIGITS = '0123456789';

/** In the order the yaml package tries its tags: the first whose test matches resolves the scalar. */
const RESOLVERS: Resolver[] = [
  [/^(?:~|[Nn]ull|NULL)?$/, '~nN', () => null],
  [/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, 'YyTtOo', () => true],
  [/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, 'NnFfOo', () => false],
  [/^[-+]?0b[0-1_]+$/, '+-0', (s) => integer(s, 2, 2)],
  [/^[-+]?0[0-7_]+$/, '+-0', (s) => integer(s, 1, 8)],
  [/^[-+]?[0-9][0-9_]*$/, `+-${DIGITS}`, (s) => integer(s, 0, 10)],
  [/^[-+]?0x[0-9a-fA-F_]+$/, '+-0', (s) => integer(s, 2, 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, '+-.', (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY)],
  [/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, `+-.eE${DIGITS}`, float],
  [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, `+-.${DIGITS}`, float],
];

/** The resolvers that can match a scalar by its first character: most words are strings at a glance. */
const BY_FIRST_CHAR = new Map<string, Resolver[]>();
for (const resolver of RESOLVERS) {
  for (const c of resolver[1]) BY_FIRST_CHAR.set(c, [...(BY_FIRST_CHAR.get(c) ?? []), resolver]);
}

function resolverOf(source: string): Resolver | undefined {
  // A plain scalar is never empty; '' would be null, as the first test says.
  return BY_FIRST_CHAR.get(source[0] ?? '~')?.find(([test]) => test.test(source));
}

const IMPLICIT = new Type(IMPLICIT_TAG, {
  kind: 'scalar',
  resolve: (source: string) => resolverOf(source) !== undefined,
  construct: (source: string) => resolverOf(source)![2](source),
});

/** Strings, sequences and mappings, plus the plain scalars above; no merge key, no timestamps. */
export const KUBERNETES_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [IMPLICIT] });
