// The cycle template: what it learns from two cycles, and what it gives k cycles on.
import { describe, expect, test } from 'vitest';
import { learn, instantiate, digitWidthsHold, oldestTokenAge } from '../../../src/runtime/fastforward/template.js';
import { TokenContext } from '../../../src/runtime/fastforward/tokens.js';

const uid = (n: number): string => `${String(n).padStart(8, '0')}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;
/** Per cycle, the tokens it made: a uid, a generated name suffix, a pod IP. */
const cycles: string[][] = [0, 1, 2, 3].map((i) => [uid(i), ['bcdfg', 'hjklm', 'npqrs', 'tvwxz'][i]!, `10.244.0.${i + 1}`]);
const ctx = (i: number): TokenContext => new TokenContext(cycles, i);

/** A value of cycle i, as a run would write it. */
function podOf(i: number): unknown {
  const t = Date.UTC(2030, 0, 1, 0, i);
  return {
    metadata: { name: `tick-${100 + i}-${cycles[i]![1]!}`, uid: uid(i), resourceVersion: String(40 + 15 * i) },
    spec: { containers: [{ name: 'tick', image: 'busybox:1.36' }], nodeName: 'node-1' },
    status: {
      podIP: `10.244.0.${i + 1}`,
      startTime: new Date(t).toISOString().replace('.000', ''),
      containerID: `containerd://${uid(i).replaceAll('-', '')}0`,
      message: `back-off 10s restarting failed container=tick pod=tick-${100 + i}-${cycles[i]![1]!}_default(${uid(i)})`,
    },
    time: t,
  };
}

describe('learning a cycle', () => {
  test('two cycles give the third exactly: names, uids, resourceVersions, IPs, times and container IDs', () => {
    const t = learn(podOf(0), podOf(1), ctx(0), ctx(1));
    expect(t).toBeDefined();
    expect(instantiate(t!, 1, ctx(2))).toEqual(podOf(2));
    expect(instantiate(t!, 2, ctx(3))).toEqual(podOf(3));
  });

  test('parts that do not move are shared with the learned cycle, not copied', () => {
    const a = podOf(0) as { spec: unknown };
    const b = podOf(1) as { spec: unknown };
    const t = learn(a, b, ctx(0), ctx(1));
    expect((instantiate(t!, 5, ctx(3)) as { spec: unknown }).spec).toBe(b.spec);
  });

  test('cycles that differ in shape give no template', () => {
    expect(learn({ a: 1, b: 2 }, { b: 2, a: 1 }, ctx(0), ctx(1))).toBeUndefined(); // key order is output
    expect(learn([1, 2], [1, 2, 3], ctx(0), ctx(1))).toBeUndefined();
    expect(learn('Created job tick-1', 'Deleted job tick-2', ctx(0), ctx(1))).toBeUndefined();
    expect(learn({ a: 1 }, { a: '1' }, ctx(0), ctx(1))).toBeUndefined();
  });

  test('a run of digits with leading zeros is understood only while it stays put', () => {
    expect(learn('part-007', 'part-008', ctx(0), ctx(1))).toBeUndefined();
    expect(learn({ x: 'part-007', n: 1 }, { x: 'part-007', n: 2 }, ctx(0), ctx(1))).toBeDefined();
  });

  test('times keep their format: RFC3339 in UTC, at a fixed offset, and RFC1123Z', () => {
    const t = learn(
      ['2030-03-01T01:30:00-05:00', 'Fri, 01 Mar 2030 06:30:00 +0000', '2030-03-01T06:30:00.5Z'],
      ['2030-03-02T01:30:00-05:00', 'Sat, 02 Mar 2030 06:30:00 +0000', '2030-03-02T06:30:00.5Z'],
      ctx(0),
      ctx(1),
    );
    expect(instantiate(t!, 1, ctx(2))).toEqual(['2030-03-03T01:30:00-05:00', 'Sun, 03 Mar 2030 06:30:00 +0000', '2030-03-03T06:30:00.5Z']);
  });

  test('a token is found only where it stands alone', () => {
    // "bcdfg" inside a longer word is not cycle 0's name suffix: the strings differ as text.
    expect(learn('xbcdfgx', 'xhjklmx', ctx(0), ctx(1))).toBeUndefined();
    const t = learn('pod tick-100-bcdfg', 'pod tick-101-hjklm', ctx(0), ctx(1));
    expect(instantiate(t!, 1, ctx(2))).toBe('pod tick-102-npqrs');
  });

  test('a token made cycles ago is read from that cycle', () => {
    // At cycle i the history names the pod made two cycles before.
    const value = (i: number): string => `deleted ${cycles[i - 2]![1]!}`;
    const t = learn(value(2), value(3), ctx(2), ctx(3));
    expect(oldestTokenAge(t!)).toBe(2);
  });
});

describe('what a template allows', () => {
  test('digit widths hold until a moving number gains a digit', () => {
    const t = learn('tick-98', 'tick-99', ctx(0), ctx(1))!;
    expect(digitWidthsHold(t, 0)).toBe(true);
    expect(digitWidthsHold(t, 1)).toBe(false); // tick-100
  });
});
