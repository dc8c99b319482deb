// What a parsed manifest document offers its readers, whichever parser produced it.

export type PathSegment = string | number;
export interface Position {
  line: number;
  column: number;
}

export interface ParsedDoc {
  /** 0-based index of the document in the file (`---` separated). */
  index: number;
  /** Plain JSON-like data. */
  value: unknown;
  /** Where the document's content starts. */
  line: number;
  column: number;
  /**
   * Source position of `path` (e.g. ['spec', 'containers', 0, 'image']): the key's position, or with
   * at='value' the value's. A path that does not exist resolves to its deepest existing ancestor.
   */
  positionOf(path: readonly PathSegment[], at?: 'key' | 'value'): Position;
  /** The source text of the scalar at `path` exactly as written (e.g. `1.0`), if there is one. */
  sourceOf(path: readonly PathSegment[]): string | undefined;
}
