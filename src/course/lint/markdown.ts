/**
 * Lint of lesson Markdown (and exercise tasks): complete YAML manifests in fenced blocks validate,
 * `lesson:` links resolve, links a terminal cannot follow are flagged, and every line fits 80 columns
 * once rendered the way learners see it (the engine's renderMarkdown).
 */
import { closest } from '../../util/suggest.js';
import { loadManifestText } from '../../runtime/validate/index.js';
import { renderMarkdown } from '../render.js';
import type { Problem } from '../types.js';

export const RENDER_WIDTH = 80;
/** Code blocks are indented when rendered; the format asks for code lines of at most this many characters. */
export const CODE_WIDTH = 74;

export interface MarkdownSource {
  /** Pack-relative file. */
  file: string;
  text: string;
  /** 1-based line of the file where `text` starts. */
  line: number;
  /** Lesson ids of the pack, for `lesson:` links. */
  lessonIds: string[];
}

export async function lintMarkdown(src: MarkdownSource): Promise<Problem[]> {
  const problems: Problem[] = [];
  const lines = src.text.split('\n');
  for (const block of fencedBlocks(lines)) {
    if (/^ya?ml$/i.test(block.lang)) lintManifestBlock(src, block, problems);
    block.body.forEach((text, i) => {
      if ([...text].length > CODE_WIDTH) problems.push(warn(src, src.line + block.start + 1 + i, `a code line of ${[...text].length} characters; keep code lines to ${CODE_WIDTH} so they fit ${RENDER_WIDTH} columns once indented`, 'code-width'));
    });
  }
  lintLinks(src, lines, problems);
  await lintRenderedWidth(src, lines, problems);
  return problems;
}

interface Block {
  lang: string;
  /** 0-based index of the opening fence line. */
  start: number;
  body: string[];
  indent: number;
}

function fencedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let open: { fence: string; block: Block } | undefined;
  lines.forEach((line, i) => {
    const m = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (open) {
      if (m && m[2]!.startsWith(open.fence) && line.trim() === m[2]) {
        blocks.push(open.block);
        open = undefined;
      } else open.block.body.push(line.slice(Math.min(open.block.indent, line.length - line.trimStart().length)));
    } else if (m) open = { fence: m[2]!, block: { lang: m[3] ?? '', start: i, body: [], indent: m[1]!.length } };
  });
  return blocks;
}

function lintManifestBlock(src: MarkdownSource, block: Block, problems: Problem[]): void {
  const text = block.body.join('\n');
  if (!/^apiVersion:/m.test(text) || !/^kind:/m.test(text)) return;
  const first = src.line + block.start + 1;
  for (const p of loadManifestText(text, src.file, { advice: false }).problems) {
    if (p.severity !== 'error') continue;
    problems.push({ severity: 'error', rule: 'markdown-manifest', file: src.file, line: first + p.line - 1, message: `the YAML manifest in this code block does not validate: ${p.message}`, ...(p.hint ? { hint: `${p.hint} (A block with apiVersion and kind is a complete manifest; without them it is a snippet.)` } : {}) });
  }
}

function lintLinks(src: MarkdownSource, lines: string[], problems: Problem[]): void {
  let inFence = false;
  lines.forEach((line, i) => {
    if (/^\s*(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    if (inFence) return;
    for (const m of line.matchAll(/\]\(([^)\s]*)\)/g)) {
      const target = m[1]!;
      if (target.startsWith('lesson:')) {
        const id = target.slice('lesson:'.length);
        if (src.lessonIds.includes(id)) continue;
        const near = closest(id, src.lessonIds);
        problems.push(error(src, src.line + i, `link to lesson '${id}', which this pack does not have` + (near ? ` (did you mean 'lesson:${near}'?)` : ''), 'lesson-link'));
      } else if (!/^(https?:|mailto:|#)/.test(target)) {
        problems.push(warn(src, src.line + i, `link to '${target}' cannot be followed in a terminal; link lessons as (lesson:ID) and the web as https://…`, 'link'));
      }
    }
  });
}

async function lintRenderedWidth(src: MarkdownSource, lines: string[], problems: Problem[]): Promise<void> {
  const rendered = await renderMarkdown(src.text, { width: RENDER_WIDTH, color: false });
  const reported = new Set<number>();
  for (const out of rendered.split('\n')) {
    const width = [...out].length;
    if (width <= RENDER_WIDTH) continue;
    const line = src.line + sourceLineOf(out, lines);
    if (reported.has(line)) continue;
    reported.add(line);
    problems.push(error(src, line, `renders ${width} columns wide, more than ${RENDER_WIDTH}: "${out.trim().slice(0, 40)}…"`, 'render-width', 'Break long code or table lines; prose wraps by itself, but code, tables and long words do not.'));
  }
}

/** The 0-based source line a rendered line most likely came from (its first words), else 0. */
function sourceLineOf(rendered: string, lines: string[]): number {
  const words = plainWords(rendered).split(' ').slice(0, 3).join(' ');
  if (!words) return 0;
  return Math.max(
    lines.findIndex((l) => plainWords(l).includes(words)),
    0,
  );
}

/** Text without Markdown/rendering punctuation and with single spaces, to match rendered to source. */
function plainWords(s: string): string {
  return s.replace(/[│|*_`#>•\-]/g, ' ').replace(/\s+/g, ' ').trim();
}

function error(src: MarkdownSource, line: number, message: string, rule: string, hint?: string): Problem {
  return { severity: 'error', rule, file: src.file, line, message, ...(hint ? { hint } : {}) };
}

function warn(src: MarkdownSource, line: number, message: string, rule: string): Problem {
  return { severity: 'warning', rule, file: src.file, line, message };
}
