// "explain"-style help from the generated schema: a field's type and its API description.
import type { TypeRef } from './schema-types.js';
import { elementOf, kindInfo, objectType } from './schema.js';
import { ownEntry } from '../../util/own.js';

/** `explainField('Deployment', 'spec.template.spec.containers[0].image')`; undefined for unknown paths. */
export function explainField(kind: string, path: string): { type: string; description: string } | undefined {
  const info = kindInfo(kind);
  if (!info) return undefined;
  const segments = path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean);
  let ref: TypeRef = info.type;
  let description = objectType(info.type)?.d ?? '';
  for (const seg of segments) {
    const type = objectType(innermost(ref));
    const field = type ? ownEntry(type.f, seg) : undefined;
    if (!field) return undefined;
    [ref, , description] = field;
  }
  return { type: displayType(ref), description };
}

function innermost(ref: TypeRef): TypeRef {
  let r = ref;
  while (elementOf(r) !== undefined) r = elementOf(r)!;
  return r;
}

function displayType(ref: TypeRef): string {
  if (ref.startsWith('[]')) return `[]${displayType(ref.slice(2))}`;
  if (ref.startsWith('{}')) return `map[string]${displayType(ref.slice(2))}`;
  if (objectType(ref)) return `Object (${ref})`;
  return ref;
}
