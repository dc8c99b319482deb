import { describe, expect, it } from 'vitest';
import { clusterFrame } from '../../../src/tui/cluster/frame.js';
import { legendLine, nodeGridLines } from '../../../src/tui/cluster/layout.js';
import { Replay } from '../../../src/tui/cluster/replay.js';
import { initialCluster } from '../../../src/tui/models/cluster.js';
import { lineText } from '../../../src/tui/text.js';
import { clusterBody } from '../../../src/tui/views/cluster.js';
import { entry, node, pod, record } from './timeline-fixtures.js';

function cluster(nodes: number, podsPerNode: number) {
  const timeline = [];
  for (let n = 1; n <= nodes; n++) {
    timeline.push(entry(0, 'ADDED', node(`node-${n}`)));
    for (let p = 0; p < podsPerNode; p++) timeline.push(entry(0, 'ADDED', pod(`web-7d4b9c5f6d-${n}${p}xyz`, { node: `node-${n}`, phase: 'Running', ready: p % 2 === 0 })));
  }
  timeline.push(entry(0, 'ADDED', pod('pending-one')));
  return clusterFrame(new Replay(record(timeline)), 0);
}

describe('cluster layout', () => {
  it.each([80, 100, 132])('node boxes line up in a grid within %i columns', (cols) => {
    const lines = nodeGridLines(cluster(4, 3), cols).map((l) => [...lineText(l)].length);
    const boxWidth = lines[0]! / Math.min(5, Math.floor(cols / 26));
    expect(Number.isInteger(boxWidth)).toBe(true);
    for (const w of lines) {
      expect(w).toBeLessThanOrEqual(cols);
      expect(w % boxWidth).toBe(0);
    }
  });

  it('shows each pod with its phase letter and readiness mark, and unbound pods apart', () => {
    const text = nodeGridLines(cluster(2, 2), 100).map(lineText).join('\n');
    expect(text).toContain('R✓ web-7d4b9c5f6d-10xyz');
    expect(text).toContain('R· web-7d4b9c5f6d-11xyz');
    expect(text).toMatch(/not scheduled[\s\S]*P {2}pending-one/);
  });

  it('the whole view fits 80×22 even with many pods, saying how much is below', () => {
    const frame = cluster(6, 8);
    const lines = clusterBody(frame, initialCluster(1, []), 80, 22);
    expect(lines).toHaveLength(22);
    for (const l of lines) expect([...lineText(l)].length).toBeLessThanOrEqual(80);
    expect(lines.map(lineText).join('\n')).toMatch(/… \d+ more lines/);
  });

  it('the legend explains every letter and fits the width', () => {
    for (const cols of [80, 100]) {
      const text = lineText(legendLine(cols));
      expect(text.length).toBeLessThanOrEqual(cols);
      for (const letter of ['P ', 'C ', 'R ', 'S ', 'F ', 'T ', '! ']) expect(text).toContain(letter);
    }
    expect(lineText(legendLine(100))).toContain('✓ ready');
  });
});
