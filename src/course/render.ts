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
  marked.use(INLINE_IN_TEXT, listRenderer(width));
  return (md) => marked.parse(md, { async: false }) as string;
}

// With marked >= 13, a list item's text arrives as a `text` token carrying inline tokens that
// marked-terminal prints raw ("**bold**"); render them (marked-terminal issues #304, #371).
const INLINE_IN_TEXT: MarkedExtension = {
  renderer: {
    text(token) {
      return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
    },
  },
};

/**
 * Lists drawn by us: marked-terminal numbers nested items as if they belonged to the outer list and
 * does not wrap item text. Each item gets its marker, continuation lines hang under the text, nested
 * lists indent under their parent item, and long lines wrap to the width left.
 */
function listRenderer(width: number): MarkedExtension {
  return {
    renderer: {
      list(token) {
        const start = typeof token.start === 'number' ? token.start : 1;
        const items = token.items.map((item, i) => {
          const marker = token.ordered ? `${start + i}. ` : '* ';
          // Block by block: a tight item's text would otherwise run into its nested list.
          const blocks = item.tokens.map((t) => this.parser.parse([t]).replace(/^\n+|\n+$/g, ''));
          const body = blocks.filter((b) => b !== '').join(item.loose ? '\n\n' : '\n');
          return hang(marker, body, width - 2);
        });
        return items.map((item) => indentBlock('  ', item)).join('\n') + '\n\n';
      },
    },
  };
}

/** The first line after the marker, the others indented to align with it; long lines wrapped. */
function hang(marker: string, body: string, width: number): string {
  const pad = ' '.repeat(marker.length);
  const lines = body.split('\n').flatMap((line) => (isIndented(line) ? [line] : wrap(line, width - pad.length)));
  return lines.map((line, i) => (i === 0 ? marker : line === '' ? '' : pad) + line).join('\n');
}

// Nested list lines arrive already indented: keep them as they are.
const isIndented = (line: string) => line.startsWith('  ');

function indentBlock(indent: string, block: string): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

/** Word-wraps one line to `width` visible columns (escape sequences take no room). */
function wrap(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && visibleLength(candidate) > width) {
      out.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  out.push(current);
  return out;
}

const visibleLength = (s: string) => stripAnsi(s).length;

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
