/**
 * The compact schema format written by scripts/gen-schema.ts (derived from the `kubernetes-types`
 * package's declarations) and read by the validator.
 *
 * A type reference is one of:
 *   'string' | 'integer' | 'boolean' | 'int-or-string' | 'quantity' | 'time' | 'any'
 *   '[]<ref>'      a list of <ref>
 *   '{}<ref>'      a map from string keys to <ref>
 *   '<TypeName>'   an object type from `types`
 * Kubernetes' JSON numbers in these kinds are all integers (int32/int64), so `number` becomes 'integer'.
 */
export type TypeRef = string;

/** One field: [type, required (1) or optional (0), description]. */
export type FieldSpec = [TypeRef, 0 | 1, string];

export interface ObjectType {
  /** Description of the type. */
  d: string;
  /** Fields by JSON name. */
  f: Record<string, FieldSpec>;
}

export interface SchemaFile {
  /** Source the schema was generated from, e.g. "kubernetes-types 1.30.0". */
  source: string;
  /** Kind -> { apiVersion it is served by, root type name }. */
  kinds: Record<string, { apiVersion: string; type: string }>;
  types: Record<string, ObjectType>;
}

export const PRIMITIVES = ['string', 'integer', 'boolean', 'int-or-string', 'quantity', 'time', 'any'] as const;
