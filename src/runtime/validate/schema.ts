// Read access to the generated schema (scripts/gen-schema.ts). Parsed once, on first use.
import { SCHEMA_JSON } from './schema.generated.js';
import type { FieldSpec, ObjectType, SchemaFile, TypeRef } from './schema-types.js';
import { ownEntry } from '../../util/own.js';

let loaded: SchemaFile | undefined;

export function schema(): SchemaFile {
  loaded ??= JSON.parse(SCHEMA_JSON) as SchemaFile;
  return loaded;
}

export function objectType(name: string): ObjectType | undefined {
  return schema().types[name];
}

/** The root type reference of a kind, e.g. 'Deployment', or undefined for kinds the course does not serve. */
export function kindInfo(kind: string): { apiVersion: string; type: string } | undefined {
  return ownEntry(schema().kinds, kind);
}

export function knownKinds(): string[] {
  return Object.keys(schema().kinds);
}

/** The field `name` of the object type `ref`, if `ref` is an object type having it. */
export function fieldOf(ref: TypeRef, name: string): FieldSpec | undefined {
  const type = objectType(ref);
  return type ? ownEntry(type.f, name) : undefined;
}

/** Element type of a list or map reference. */
export function elementOf(ref: TypeRef): TypeRef | undefined {
  return ref.startsWith('[]') || ref.startsWith('{}') ? ref.slice(2) : undefined;
}

/** Every place a field name is valid within a kind, as display paths (`spec.template.spec.containers[].image`). */
const placesCache = new Map<string, Map<string, string[]>>();

export function placesOf(rootType: string): Map<string, string[]> {
  const cached = placesCache.get(rootType);
  if (cached) return cached;
  // Breadth first over the type graph, each type visited once: gives the shortest path to each field.
  const places = new Map<string, string[]>();
  const seen = new Set<string>([rootType]);
  const queue: [string, string][] = [[rootType, '']];
  while (queue.length > 0) {
    const [typeName, prefix] = queue.shift()!;
    for (const [field, [ref]] of Object.entries(objectType(typeName)?.f ?? {})) {
      const path = prefix ? `${prefix}.${field}` : field;
      places.set(field, [...(places.get(field) ?? []), path]);
      let inner = ref;
      let display = path;
      while (elementOf(inner) !== undefined) {
        if (inner.startsWith('[]')) display += '[]';
        else display += '.*';
        inner = elementOf(inner)!;
      }
      if (objectType(inner) && !seen.has(inner)) {
        seen.add(inner);
        queue.push([inner, display]);
      }
    }
  }
  placesCache.set(rootType, places);
  return places;
}
