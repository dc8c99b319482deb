/**
 * Lesson Markdown → terminal text (ANSI) with marked + marked-terminal, shared by both front ends.
 * marked-terminal costs ~140 ms to import, so it is loaded on first use only.
 */
import type { MarkedExtension } from 'marked';

export interface RenderOptions {
  /** Columns available; prose is wrapped to this width (default 80). */
  width?: number;
  /** false: no colours or styles (NO_COLOR, screen readers). */
  color?: boolean;
}

type Renderer = (markdown: string) => string;
const cache = new Map<string, Promise<Renderer>>();

export async function renderMarkdown(markdown: string, opts: RenderOptions = {}): Promise<string> {
  const width = Math.max(20, Math.min(opts.width ?? 80, 200));
  const color = opts.color ?? true;
  const key = `${width}:${color}`;
  let renderer = cache.get(key);
  if (!renderer) {
    renderer = makeRenderer(width, color);
    cache.set(key, renderer);
  }
  const out = (await renderer)(rewriteLessonLinks(markdown));
  return (color ? out : stripAnsi(out)).replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

async function makeRenderer(width: number, color: boolean): Promise<Renderer> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const style = color ? STYLE : Object.fromEntries(Object.keys(STYLE).map((k) => [k, plain]));
  const marked = new Marked(markedTerminal({ width, reflowText: true, tab: 2, showSectionPrefix: false, ...style }) as MarkedExtension);
  return (md) => marked.parse(md, { async: false }) as string;
}

const plain = (s: string) => s;
const sgr = (...codes: number[]) => (s: string) => `\u001b[${codes.join(';')}m${s}\u001b[0m`;

// marked-terminal's own styles follow chalk's guess about the terminal; these follow the caller's
// `color` decision (NO_COLOR, --plain, a blessed box), with marked-terminal's default look.
const STYLE = {
  code: sgr(33),
  blockquote: sgr(90, 3),
  html: sgr(90),
  heading: sgr(32, 1),
  firstHeading: sgr(35, 4, 1),
  hr: plain,
  listitem: plain,
  table: plain,
  paragraph: plain,
  strong: sgr(1),
  em: sgr(3),
  codespan: sgr(33),
  del: sgr(2, 9),
  link: sgr(34),
  href: sgr(34, 4),
};

/** `[Deployments](lesson:deployments)` → "Deployments (lesson deployments)": no dead link in a terminal. */
function rewriteLessonLinks(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\(lesson:([a-z0-9-]+)\)/g, '**$1** (see lesson `$2`)');
}

function stripAnsi(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}
