import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Loop } from '../../src/runtime/loop.js';

describe('event loop', () => {
  it('runs tasks in (time, sequence) order', () => {
    const loop = new Loop({ start: 0 });
    const order: string[] = [];
    loop.at(20, 'b', () => order.push('b'));
    loop.at(10, 'a', () => order.push('a'));
    loop.at(20, 'c', () => order.push('c'));
    loop.runUntil(100);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(loop.now()).toBe(100);
  });

  it('settling ignores CronJob timers; advancing time fires them', () => {
    const loop = new Loop({ start: 0 });
    let fired = 0;
    loop.timerAt(1000, 'cron', () => fired++);
    expect(loop.settle(10_000)).toBe(true);
    expect(fired).toBe(0);
    loop.runUntil(1000);
    expect(fired).toBe(1);
  });

  it('stops at a task cap and says why instead of running forever', () => {
    const loop = new Loop({ start: 0, maxTasks: 100 });
    const again = (): void => void loop.after(1, 'again', again);
    again();
    loop.settle(1e9);
    expect(loop.capped).toMatch(/stopped after 100 tasks/);
  });

  it('a cancelled task neither runs nor keeps the loop busy', () => {
    const loop = new Loop({ start: 0 });
    let ran = false;
    loop.at(5000, 'x', () => (ran = true)).cancel();
    expect(loop.settle(10_000)).toBe(true);
    expect(ran).toBe(false);
    expect(loop.now()).toBe(0);
  });

  it('work scheduled for the current instant runs after what was scheduled for it before, also after the clock went back to a timer', () => {
    const loop = new Loop({ start: 0 });
    const order: string[] = [];
    loop.at(5000, 'late', () => {
      order.push('late');
      loop.at(loop.now(), 'late-now', () => order.push('late-now'));
    });
    loop.timerAt(1000, 'cron', () => {
      order.push('cron');
      loop.at(loop.now(), 'cron-now', () => order.push('cron-now'));
    });
    loop.settle(10_000);
    loop.at(loop.now(), 'step', () => order.push('step'));
    loop.runUntil(loop.now());
    expect(order).toEqual(['late', 'late-now', 'cron', 'cron-now', 'step']);
  });

  it('runs tasks as one list sorted by (time, sequence) would, however they are scheduled', () => {
    // A task: when it runs, it schedules its children at offsets from the clock (0 = the current instant).
    type Spec = { offset: number; timer: boolean; cancel: boolean; children: Spec[] };
    const leaf = fc.record({ offset: fc.constantFrom(0, 0, 0, 5, 1000), timer: fc.boolean(), cancel: fc.boolean(), children: fc.constant([] as Spec[]) });
    const spec: fc.Arbitrary<Spec> = fc.record({ offset: fc.constantFrom(0, 0, 5, 1000), timer: fc.boolean(), cancel: fc.boolean(), children: fc.array(leaf, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 12 }), fc.array(fc.constantFrom('settle', 'run'), { minLength: 1, maxLength: 3 }), (roots, calls) => {
        const run = (impl: Scheduler): string[] => {
          const order: string[] = [];
          let id = 0;
          const schedule = (s: Spec): void => {
            const name = String(id++);
            const fn = (): void => {
              order.push(name);
              s.children.forEach(schedule);
            };
            const h = s.timer ? impl.timerAt(impl.now() + s.offset, fn) : impl.at(impl.now() + s.offset, fn);
            if (s.cancel && s.offset > 0) h.cancel();
          };
          roots.forEach(schedule);
          for (const c of calls) {
            if (c === 'settle') impl.settle(3000);
            else impl.runUntil(impl.now() + 2000);
            roots.slice(0, 2).forEach(schedule);
          }
          return order;
        };
        const loop = new Loop({ start: 0 });
        const real: Scheduler = { now: () => loop.now(), at: (t, f) => loop.at(t, '', f), timerAt: (t, f) => loop.timerAt(t, '', f), settle: (ms) => loop.settle(ms), runUntil: (t) => loop.runUntil(t) };
        expect(run(real)).toEqual(run(new SortedList()));
      }),
      { numRuns: 300 },
    );
  });
});

interface Scheduler {
  now(): number;
  at(time: number, fn: () => void): { cancel(): void };
  timerAt(time: number, fn: () => void): { cancel(): void };
  settle(ms: number): void;
  runUntil(time: number): void;
}

/** The loop's contract as a plain list kept sorted by (time, sequence). */
class SortedList implements Scheduler {
  private clock = 0;
  private seq = 0;
  private tasks: { time: number; seq: number; timer: boolean; cancelled: boolean; fn: () => void }[] = [];
  now(): number {
    return this.clock;
  }
  at(time: number, fn: () => void): { cancel(): void } {
    return this.add(time, fn, false);
  }
  timerAt(time: number, fn: () => void): { cancel(): void } {
    return this.add(time, fn, true);
  }
  settle(ms: number): void {
    const limit = this.clock + ms;
    for (let t = this.next(false); t; t = this.next(false)) {
      if (t.time > limit) {
        this.clock = limit;
        return;
      }
      this.run(t);
    }
  }
  runUntil(time: number): void {
    for (let t = this.next(true); t && t.time <= time; t = this.next(true)) this.run(t);
    this.clock = Math.max(this.clock, time);
  }
  private add(time: number, fn: () => void, timer: boolean): { cancel(): void } {
    const t = { time: Math.max(time, this.clock), seq: this.seq++, timer, cancelled: false, fn };
    this.tasks.push(t);
    return { cancel: () => (t.cancelled = true) };
  }
  private next(timers: boolean): (typeof this.tasks)[number] | undefined {
    const live = this.tasks.filter((t) => !t.cancelled && (timers || !t.timer));
    live.sort((a, b) => a.time - b.time || a.seq - b.seq);
    return live[0];
  }
  private run(t: (typeof this.tasks)[number]): void {
    this.tasks.splice(this.tasks.indexOf(t), 1);
    this.clock = t.time;
    t.fn();
  }
}
