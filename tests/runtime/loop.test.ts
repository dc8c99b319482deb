import { describe, it, expect } from 'vitest';
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
});
