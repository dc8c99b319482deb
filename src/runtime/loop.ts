// The discrete-event loop: a virtual clock and a queue of due work ordered by (time, sequence), so a run
// never sleeps and is fully deterministic.

/** Lets the scheduler of a task withdraw it; a cancelled task neither runs nor keeps the loop busy. */
export interface TaskHandle {
  cancel(): void;
}

/** A task is its own handle: no closure per scheduled task. */
export class Task implements TaskHandle {
  cancelled = false;

  constructor(
    readonly time: number,
    readonly seq: number,
    readonly label: string,
    readonly fn: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/** Binary min-heap on (time, seq). */
class TaskHeap {
  private items: Task[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Task | undefined {
    return this.items[0];
  }
  push(t: Task): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Task | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export interface LoopOptions {
  start: number;
  /** Tasks run before the loop stops and reports `capped` (a guard against endless runs). */
  maxTasks?: number;
}

export const DEFAULT_MAX_TASKS = 2_000_000;

export class Loop {
  private clock: number;
  private seq = 0;
  private readonly work = new TaskHeap();
  /** Timers that settling ignores (CronJob schedules): they fire only while time is advanced explicitly. */
  private readonly timers = new TaskHeap();
  private tasksRun = 0;
  private readonly maxTasks: number;
  /** Why the loop stopped early, once it has. */
  capped: string | undefined;
  /** True while `settle` runs (the CronJob controller starts no scheduled Job then). */
  settling = false;

  constructor(opts: LoopOptions) {
    this.clock = opts.start;
    this.maxTasks = opts.maxTasks ?? DEFAULT_MAX_TASKS;
  }

  now(): number {
    return this.clock;
  }

  /** Schedules `fn` at virtual `time` (never in the past). */
  at(time: number, label: string, fn: () => void): TaskHandle {
    return this.push(this.work, time, label, fn);
  }

  after(ms: number, label: string, fn: () => void): TaskHandle {
    return this.at(this.clock + Math.max(0, ms), label, fn);
  }

  /** A timer settling does not wait for (CronJob schedules). */
  timerAt(time: number, label: string, fn: () => void): TaskHandle {
    return this.push(this.timers, time, label, fn);
  }

  private push(heap: TaskHeap, time: number, label: string, fn: () => void): TaskHandle {
    const task = new Task(Math.max(time, this.clock), this.seq++, label, fn);
    heap.push(task);
    return task;
  }

  /** Drops cancelled tasks from the top of a heap. */
  private static peekLive(heap: TaskHeap): Task | undefined {
    let t = heap.peek();
    while (t?.cancelled) {
      heap.pop();
      t = heap.peek();
    }
    return t;
  }

  get pending(): number {
    return this.work.size;
  }

  get executed(): number {
    return this.tasksRun;
  }

  /** Runs every task (timers included) due at or before `time`, then sets the clock to `time`. */
  runUntil(time: number): void {
    while (!this.capped) {
      const w = Loop.peekLive(this.work);
      const t = Loop.peekLive(this.timers);
      const next = w && t ? (before(w, t) ? this.work : this.timers) : w ? this.work : t ? this.timers : undefined;
      if (!next || next.peek()!.time > time) break;
      this.runTask(next.pop()!);
    }
    if (!this.capped) this.clock = Math.max(this.clock, time);
  }

  /**
   * Runs work (not timers) until none is left or the clock would pass `now + maxVirtualMs`.
   * Returns true when the loop is quiet (nothing left to do), false when stopped by the limit.
   */
  settle(maxVirtualMs: number): boolean {
    this.settling = true;
    try {
      return this.settleUntil(this.clock + maxVirtualMs);
    } finally {
      this.settling = false;
    }
  }

  private settleUntil(limit: number): boolean {
    while (!this.capped) {
      const w = Loop.peekLive(this.work);
      if (!w) return true;
      if (w.time > limit) {
        this.clock = limit;
        return false;
      }
      this.runTask(this.work.pop()!);
    }
    return false;
  }

  private runTask(task: Task): void {
    if (this.tasksRun >= this.maxTasks) {
      this.capped = `stopped after ${this.maxTasks} tasks (virtual time ${new Date(this.clock).toISOString()}); the scenario never settles`;
      return;
    }
    this.tasksRun++;
    this.clock = task.time;
    task.fn();
  }
}
