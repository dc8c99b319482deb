// Plain-scalar resolution for the js-yaml fast path, identical string for string to the yaml package:
// for manifests its YAML 1.1 schema (yaml/dist/schema/yaml-1.1/{bool,int,float}.js, common/null.js)
// with the tags `kubernetesTags` drops (timestamps, sexagesimal, binary, sets...) left out; for lesson
// packs its YAML 1.2 core schema. The tests (tests/runtime/yaml/fast.test.ts,
// tests/course/pack/yaml.test.ts) check both paths give the same values for every tricky form.
import { FAILSAFE_SCHEMA, Type, type Schema } from 'js-yaml';

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

const INFINITY_OR_NAN: Resolver = [
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  '+-.',
  (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
];

/** YAML 1.1, in the order the yaml package tries its tags: the first whose test matches resolves the scalar. */
const YAML_1_1: Resolver[] = [
  [/^(?:~|[Nn]ull|NULL)?$/, '~nN', () => null],
  [/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, 'YyTtOo', () => true],
  [/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, 'NnFfOo', () => false],
  [/^[-+]?0b[0-1_]+$/, '+-0', (s) => integer(s, 2, 2)],
  [/^[-+]?0[0-7_]+$/, '+-0', (s) => integer(s, 1, 8)],
  [/^[-+]?[0-9][0-9_]*$/, `+-${DIGITS}`, (s) => integer(s, 0, 10)],
  [/^[-+]?0x[0-9a-fA-F_]+$/, '+-0', (s) => integer(s, 2, 16)],
  INFINITY_OR_NAN,
  [/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, `+-.eE${DIGITS}`, float],
  [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, `+-.${DIGITS}`, float],
];

/** The YAML 1.2 core schema as the yaml package has it (yaml/dist/schema/core/), which lesson packs use. */
const YAML_1_2_CORE: Resolver[] = [
  [/^(?:~|[Nn]ull|NULL)?$/, '~nN', () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, 'TtFf', (s) => s[0] === 't' || s[0] === 'T'],
  [/^0o[0-7]+$/, '0', (s) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, `+-${DIGITS}`, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, '0', (s) => parseInt(s.substring(2), 16)],
  INFINITY_OR_NAN,
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, `+-.${DIGITS}`, parseFloat],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, `+-.${DIGITS}`, parseFloat],
];

/** Strings, sequences and mappings, plus plain scalars resolved by `resolvers`; no merge key, no timestamps. */
function schemaOf(resolvers: Resolver[]): Schema {
  // The resolvers that can match a scalar by its first character: most words are strings at a glance.
  const byFirstChar = new Map<string, Resolver[]>();
  for (const resolver of resolvers) {
    for (const c of resolver[1]) byFirstChar.set(c, [...(byFirstChar.get(c) ?? []), resolver]);
  }
  // A plain scalar is never empty; '' would be null, as the first test says.
  const resolverOf = (source: string): Resolver | undefined => byFirstChar.get(source[0] ?? '~')?.find(([test]) => test.test(source));
  const implicit = new Type(IMPLICIT_TAG, {
    kind: 'scalar',
    resolve: (source: string) => resolverOf(source) !== undefined,
    construct: (source: string) => resolverOf(source)![2](source),
  });
  return FAILSAFE_SCHEMA.extend({ implicit: [implicit] });
}

/** Manifests and scenarios: YAML 1.1 resolution, as Kubernetes' go-yaml reads them. */
export const KUBERNETES_SCHEMA = schemaOf(YAML_1_1);
/** Lesson packs: the YAML 1.2 core schema. */
export const CORE_SCHEMA = schemaOf(YAML_1_2_CORE);
