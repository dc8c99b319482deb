import { fit, pad, seg, width, type Line } from '../text.js';
import type { ClusterFrame, NodeBox, PodChip } from './frame.js';
import { NOT_READY_MARK, PHASE_STYLE, READY_MARK } from './pods.js';

/** Lays a frame out as text: node boxes in a grid, each listing its pods as chips. Pure. */
export function nodeGridLines(frame: ClusterFrame, cols: number): Line[] {
  const boxes: Box[] = frame.nodes.map(nodeBox);
  if (frame.unscheduled.length) boxes.push({ title: 'not scheduled', tone: 'warn', chips: frame.unscheduled });
  if (!boxes.length) return [[seg('No nodes in this cluster.', 'dim')]];
  const perRow = Math.max(1, Math.min(boxes.length, Math.floor(cols / MIN_BOX)));
  const boxWidth = Math.floor(cols / perRow);
  const out: Line[] = [];
  for (let i = 0; i < boxes.length; i += perRow) {
    const bodies = boxes.slice(i, i + perRow).map((b) => boxBody(b, boxWidth));
    const height = Math.max(...bodies.map((r) => r.length));
    const row = boxes.slice(i, i + perRow).map((b, k) => drawBox(b, boxWidth, bodies[k]!, height));
    for (let y = 0; y < height + 2; y++) out.push(row.flatMap((r) => r[y]!));
  }
  return out;
}

const MIN_BOX = 26;

interface Box {
  title: string;
  tone: 'dim' | 'warn' | 'bad';
  chips: PodChip[];
}

function nodeBox(n: NodeBox): Box {
  const flags = [!n.ready && 'NotReady', n.unschedulable && 'cordoned'].filter(Boolean).join(', ');
  return { title: flags ? `${n.name} (${flags})` : n.name, tone: n.ready ? 'dim' : 'bad', chips: n.pods };
}

function boxBody(b: Box, w: number): Line[] {
  return b.chips.length ? b.chips.flatMap((c) => chipLines(c, w - 4)) : [[seg(pad('(no pods)', w - 4), 'dim')]];
}

/** A box exactly `w` columns wide, its body padded to `height` lines so a row of boxes lines up. */
function drawBox(b: Box, w: number, body: Line[], height: number): Line[] {
  const title = fit(` ${b.title} `, Math.max(0, w - 4));
  const top: Line = [seg('┌─', b.tone), seg(title, b.tone === 'dim' ? 'bold' : b.tone), seg('─'.repeat(Math.max(0, w - 3 - width(title))) + '┐', b.tone)];
  const padded = [...body, ...Array.from({ length: height - body.length }, () => [seg(' '.repeat(w - 4))])];
  return [top, ...padded.map((l) => [seg('│ ', b.tone), ...l, seg(' │', b.tone)]), [seg('└' + '─'.repeat(Math.max(0, w - 2)) + '┘', b.tone)]];
}

/** `R✓ web-7d4b9-x2x9q ↻1` then one line per claim: `  pvc data-mongo-0 Bound`. */
export function chipLines(c: PodChip, inner: number): Line[] {
  const mark = c.phase === 'Running' ? (c.ready ? READY_MARK : NOT_READY_MARK) : ' ';
  const restarts = c.restarts ? ` ↻${c.restarts}` : '';
  const name = fit(c.name, Math.max(1, inner - 3 - restarts.length));
  const chip: Line = [
    seg(`${c.letter}${mark}`, c.tone),
    seg(' '),
    seg(name, c.tone === 'dim' ? 'dim' : undefined),
    seg(restarts, 'bad'),
    seg(' '.repeat(Math.max(0, inner - 3 - width(name) - restarts.length))),
  ];
  const claims: Line[] = c.claims.map((cl) => [
    seg(pad(`  pvc ${cl.name} ${cl.phase}`, inner), cl.phase === 'Bound' ? 'info' : 'warn'),
  ]);
  return [chip, ...claims];
}

const SHORT: Record<string, string> = { ContainerCreating: 'Creating', CrashLoopBackOff: 'CrashLoop' };

/** What the letters mean, in the longest form that fits `cols`. */
export function legendLine(cols = Infinity): Line {
  const variants = [
    { names: (p: string) => p, ready: true, restarts: true },
    { names: (p: string) => SHORT[p] ?? p, ready: true, restarts: true },
    { names: (p: string) => SHORT[p] ?? p, ready: true, restarts: false },
    { names: (p: string) => SHORT[p] ?? p, ready: false, restarts: false },
  ];
  let out: Line = [];
  for (const v of variants) {
    out = [];
    for (const [phase, s] of Object.entries(PHASE_STYLE)) out.push(seg(s.letter, s.tone), seg(` ${v.names(phase)} `, 'dim'));
    if (v.ready) out.push(seg(READY_MARK, 'ok'), seg(' ready', 'dim'));
    if (v.restarts) out.push(seg(' ↻', 'bad'), seg(' restarts', 'dim'));
    if (width(out.map((x) => x.text).join('')) <= cols) return out;
  }
  return out;
}

export function ownerLines(frame: ClusterFrame): Line[] {
  if (!frame.owners.length) return [[seg('No workload objects.', 'dim')]];
  return frame.owners.map((r) => [
    seg(r.depth ? '  '.repeat(r.depth - 1) + '└ ' : ''),
    seg(`${r.kind} `, 'dim'),
    seg(r.name, 'bold'),
    seg(r.detail ? `  ${r.detail}` : ''),
  ]);
}

/** `+1m05s` since the run started (or `+12.5s`). */
export function formatElapsed(ms: number): string {
  const total = ms / 1000;
  if (total < 60) return `+${Number.isInteger(total) ? total : total.toFixed(1)}s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.floor(total % 60);
  return h ? `+${h}h${String(m).padStart(2, '0')}m` : `+${m}m${String(s).padStart(2, '0')}s`;
}

/** Wall-clock style `HH:MM:SS` of the virtual time (UTC), useful for CronJobs. */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function headerLine(frame: ClusterFrame, playing: boolean): Line {
  const where = frame.count ? `instant ${frame.index + 1}/${frame.count}` : 'no changes recorded';
  const step = frame.step ? `  step ${frame.step.index}: ${frame.step.description}` : '';
  return [
    seg(playing ? '▶ ' : '❚❚ ', playing ? 'ok' : 'dim'),
    seg(`${formatElapsed(frame.elapsed)} `, 'title'),
    seg(`(${formatClock(frame.time)})  ${where}`, 'dim'),
    seg(step, 'accent'),
  ];
}

/** The events of this instant (or, when none, what changed). */
export function eventLines(frame: ClusterFrame): Line[] {
  if (frame.events.length) {
    return frame.events.map((e) => [
      seg(`${formatElapsed(e.time - (frame.time - frame.elapsed))} `, 'dim'),
      seg(e.type === 'Warning' ? '⚠ ' : '', 'warn'),
      seg(e.reason, e.type === 'Warning' ? 'warn' : 'info'),
      seg(` ${e.involvedObject.kind}/${e.involvedObject.name} `, 'bold'),
      seg(e.message),
    ]);
  }
  return frame.changes.map((c) => [seg('· ', 'dim'), seg(c)]);
}
