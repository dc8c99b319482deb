/** Splits `---\n<yaml>\n---\n<markdown>` into its parts, keeping line numbers. */
export interface FrontMatter {
  yaml: string;
  /** 1-based line of lesson.md where the YAML starts. */
  yamlLine: number;
  body: string;
  bodyLine: number;
}

export function splitFrontMatter(text: string): FrontMatter | undefined {
  const lines = text.replace(/^\ufeff/, '').split('\n');
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (end < 0) return undefined;
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}
