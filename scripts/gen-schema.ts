/**
 * Build-time generator: derives the validator's compact schema (field names, types, required-ness and
 * descriptions) from the `kubernetes-types` declarations with the TypeScript compiler API, for the kinds
 * the course uses only, and writes src/runtime/validate/schema.generated.ts.
 *
 *   npx tsc -p scripts/tsconfig.json && node dist/scripts/gen-schema.js
 *
 * The output is committed, so learners never install kubernetes-types or typescript.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { FieldSpec, ObjectType, SchemaFile, TypeRef } from '../src/runtime/validate/schema-types.js';

/** Kind -> declaration file (relative to the kubernetes-types package) holding it. */
const KINDS: Record<string, string> = {
  Pod: 'core/v1.d.ts',
  Service: 'core/v1.d.ts',
  PersistentVolumeClaim: 'core/v1.d.ts',
  ConfigMap: 'core/v1.d.ts',
  Secret: 'core/v1.d.ts',
  Namespace: 'core/v1.d.ts',
  Deployment: 'apps/v1.d.ts',
  ReplicaSet: 'apps/v1.d.ts',
  StatefulSet: 'apps/v1.d.ts',
  DaemonSet: 'apps/v1.d.ts',
  Job: 'batch/v1.d.ts',
  CronJob: 'batch/v1.d.ts',
};

/** Aliases whose meaning is more than their TypeScript shape. */
const NAMED_PRIMITIVES: Record<string, TypeRef> = { Quantity: 'quantity', Time: 'time', MicroTime: 'time' };
/** Free-form types: opaque to the validator. */
const OPAQUE = new Set(['RawExtension', 'FieldsV1', 'JSON']);

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(join(root, 'package.json'));
const pkgDir = dirname(require.resolve('kubernetes-types/package.json'));
const pkgVersion = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;

const files = [...new Set(Object.values(KINDS))].map((f) => join(pkgDir, f));
const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();
const types: Record<string, ObjectType> = {};

function docOf(node: ts.Node): string {
  const name = (node as ts.NamedDeclaration).name;
  const symbol = name ? checker.getSymbolAtLocation(name) : undefined;
  return symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() : '';
}

function declarationOf(ref: ts.TypeReferenceNode): ts.Declaration {
  let symbol = checker.getSymbolAtLocation(ref.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const decl = symbol?.declarations?.[0];
  if (!decl) throw new Error(`cannot resolve type ${ref.typeName.getText()}`);
  return decl;
}

function refOf(node: ts.TypeNode): TypeRef {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
    case ts.SyntaxKind.LiteralType:
      return 'string';
    case ts.SyntaxKind.NumberKeyword:
      return 'integer';
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean';
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return 'any';
  }
  if (ts.isUnionTypeNode(node)) {
    const kinds = node.types.map((t) => t.kind).sort();
    if (kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) {
      return 'int-or-string';
    }
    throw new Error(`unsupported union ${node.getText()}`);
  }
  if (ts.isArrayTypeNode(node)) return `[]${refOf(node.elementType)}`;
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index && node.members.length === 1) return `{}${refOf(index.type)}`;
    throw new Error(`unsupported type literal ${node.getText()}`);
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1) return `[]${refOf(node.typeArguments[0]!)}`;
    const decl = declarationOf(node);
    const declName = (decl as ts.NamedDeclaration).name?.getText() ?? name;
    if (NAMED_PRIMITIVES[declName]) return NAMED_PRIMITIVES[declName];
    if (OPAQUE.has(declName)) return 'any';
    if (ts.isTypeAliasDeclaration(decl)) return refOf(decl.type);
    if (ts.isInterfaceDeclaration(decl)) return addInterface(decl);
  }
  throw new Error(`unsupported type ${node.getText()}`);
}

/** Adds an interface (and everything it reaches) to `types`; returns its name. */
function addInterface(decl: ts.InterfaceDeclaration): string {
  const name = decl.name.text;
  if (types[name]) return name;
  const type: ObjectType = { d: docOf(decl), f: {} };
  types[name] = type; // registered before recursion: types are recursive (JSONSchemaProps, etc.)
  for (const member of decl.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const field = member.name.getText().replace(/^"|"$/g, '');
    // Status is written by controllers, never by the learner: not worth shipping its schema.
    const ref = field === 'status' ? 'any' : refOf(member.type);
    const spec: FieldSpec = [ref, member.questionToken ? 0 : 1, docOf(member)];
    type.f[field] = spec;
  }
  return name;
}

function interfaceNamed(file: string, name: string): ts.InterfaceDeclaration {
  const source = program.getSourceFile(join(pkgDir, file));
  const decl = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!decl) throw new Error(`${name} not found in ${file}`);
  return decl;
}

function apiVersionOf(decl: ts.InterfaceDeclaration): string {
  const member = decl.members.find((m) => m.name?.getText() === 'apiVersion');
  const literal = member && ts.isPropertySignature(member) && member.type && ts.isLiteralTypeNode(member.type) ? member.type.literal : undefined;
  if (!literal || !ts.isStringLiteral(literal)) throw new Error(`${decl.name.text} has no literal apiVersion`);
  return literal.text;
}

const kinds: SchemaFile['kinds'] = {};
for (const [kind, file] of Object.entries(KINDS)) {
  const decl = interfaceNamed(file, kind);
  kinds[kind] = { apiVersion: apiVersionOf(decl), type: addInterface(decl) };
}

const schema: SchemaFile = { source: `kubernetes-types ${pkgVersion}`, kinds, types };
const json = JSON.stringify(schema);
const out = join(root, 'src/runtime/validate/schema.generated.ts');
writeFileSync(
  out,
  '// Generated by scripts/gen-schema.ts from kubernetes-types — do not edit.\n' +
    '// Kept as a JSON string: JSON.parse is faster than evaluating an object literal this size.\n' +
    `export const SCHEMA_JSON = ${JSON.stringify(json)};\n`,
);
process.stdout.write(`wrote ${out}: ${Object.keys(types).length} types, ${json.length} bytes\n`);
