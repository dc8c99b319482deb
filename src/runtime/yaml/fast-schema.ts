// Plain-scalar resolution for the js-yaml fast path, identical string for string to the reference path:
// the yaml package's YAML 1.1 schema (yaml/dist/schema/yaml-1.1/{bool,int,float}.js, common/null.js)
// with the tags `kubernetesTags` drops (timestamps, sexagesimal, binary, sets...) left out. The tests
// (tests/runtime/yaml/fast.test.ts) check both paths give the same values for every tricky form.
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

/**
 * Tags of the implicitly resolved scalars. They contain spaces, which a verbatim tag (`!<...>`) cannot,
 * so a node carrying one of them was resolved implicitly, never tagged explicitly in the text.
 */
export const IMPLICIT_TAGS: ReadonlySet<string> = new Set<string>();

function implicit(name: string, test: RegExp, construct: (source: string) => unknown): Type {
  const tag = `k8s-course implicit ${name}`;
  (IMPLICIT_TAGS as Set<string>).add(tag);
  return new Type(tag, { kind: 'scalar', resolve: (source: string) => test.test(source), construct });
}

/** As the yaml package's intResolve: sign, then the digits with `_` removed, parsed in `radix`. */
function integer(source: string, prefixLength: number, radix: number): number {
  const sign = source[0];
  const skip = sign === '-' || sign === '+' ? prefixLength + 1 : prefixLength;
  const n = parseInt(source.substring(skip).replace(/_/g, ''), radix);
  return sign === '-' ? -1 * n : n;
}

const float = (source: string): number => parseFloat(source.replace(/_/g, ''));

/** In the order the yaml package tries them: the first whose test matches resolves the scalar. */
const TYPES = [
  implicit('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
  implicit('true', /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, () => true),
  implicit('false', /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, () => false),
  implicit('int-bin', /^[-+]?0b[0-1_]+$/, (s) => integer(s, 2, 2)),
  implicit('int-oct', /^[-+]?0[0-7_]+$/, (s) => integer(s, 1, 8)),
  implicit('int', /^[-+]?[0-9][0-9_]*$/, (s) => integer(s, 0, 10)),
  implicit('int-hex', /^[-+]?0x[0-9a-fA-F_]+$/, (s) => integer(s, 2, 16)),
  implicit('float-nan', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
    s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  ),
  implicit('float-exp', /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, float),
  implicit('float', /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, float),
];

/** Strings, sequences and mappings, plus the plain scalars above; no merge key, no timestamps. */
export const KUBERNETES_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: TYPES });
