// The discrete-event loop: a virtual clock and a queue of due work ordered by (time, sequence), so a run
// never sleeps and is fully deterministic.

/** Lets the scheduler of a task withdraw it; a cancelled task neither runs nor keeps the loop busy. */
export interface TaskHandle {
  /** Scheduling order among tasks due at the same instant. */
  readonly seq: number;
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
  /** The tasks not cancelled, in no particular order. */
  live(): Task[] {
    return this.items.filter((t) => !t.cancelled);
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

/**
 * Work in (time, seq) order: a heap, and beside it a queue for work due at the current instant (what
 * watch handlers schedule, most of a run's tasks). Such a task comes after every task scheduled before
 * it for the same instant, so the queue stays in order without sifting through the heap.
 */
class WorkQueue {
  private readonly heap = new TaskHeap();
  private fifo: Task[] = [];
  private head = 0;
  get size(): number {
    return this.heap.size + this.fifo.length - this.head;
  }
  peek(): Task | undefined {
    const q = this.fifo[this.head];
    const h = this.heap.peek();
    return q && (!h || before(q, h)) ? q : h;
  }
  /**
   * `now`: the task is due at the current instant. It joins the queue when the queue holds work for
   * that same instant only (the clock can go back to a timer settling passed), so the queue stays
   * sorted by (time, seq).
   */
  push(t: Task, now: boolean): void {
    const tail = this.fifo[this.fifo.length - 1];
    if (now && (this.head === this.fifo.length || tail!.time === t.time)) this.fifo.push(t);
    else this.heap.push(t);
  }
  pop(): Task | undefined {
    const q = this.fifo[this.head];
    const h = this.heap.peek();
    if (!q || (h && !before(q, h))) return this.heap.pop();
    this.fifo[this.head++] = undefined as unknown as Task;
    if (this.head === this.fifo.length) {
      this.fifo = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.fifo.length) {
      this.fifo = this.fifo.slice(this.head);
      this.head = 0;
    }
    return q;
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
  private readonly work = new WorkQueue();
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

  private push(heap: TaskHeap | WorkQueue, time: number, label: string, fn: () => void): TaskHandle {
    const task = new Task(Math.max(time, this.clock), this.seq++, label, fn);
    if (heap instanceof WorkQueue) heap.push(task, task.time === this.clock);
    else heap.push(task);
    return task;
  }

  /** Drops cancelled tasks from the top of a heap. */
  private static peekLive(heap: TaskHeap | WorkQueue): Task | undefined {
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

  /** The cap on tasks run (maxTasks). */
  get taskLimit(): number {
    return this.maxTasks;
  }

  get executed(): number {
    return this.tasksRun;
  }

  /** Runs every task (timers included) due at or before `time`, then sets the clock to `time`. */
  runUntil(time: number): void {
    while (!this.capped) {
      const next = this.peekNext();
      if (!next || next.time > time) break;
      this.take(next);
    }
    if (!this.capped) this.clock = Math.max(this.clock, time);
  }

  /**
   * Runs tasks due at or before `limit` until the loop is at a *cycle boundary*: no work left and the
   * next task a timer (a schedule) due later than now and no later than `limit`. False when it stopped
   * for another reason (nothing due by `limit`, or capped).
   */
  runToBoundary(limit: number): boolean {
    while (!this.capped) {
      const next = this.peekNext();
      if (!next || next.time > limit) return false;
      if (!this.work.peek() && next.time > this.clock) return true;
      this.take(next);
    }
    return false;
  }

  /** Runs the next pending task, whatever it is (the timer that ends a cycle boundary). */
  runNext(): void {
    const next = this.peekNext();
    if (next) this.take(next);
  }

  /** The next live task, work or timer, in (time, seq) order. */
  private peekNext(): Task | undefined {
    const w = Loop.peekLive(this.work);
    const t = Loop.peekLive(this.timers);
    return w && t ? (before(w, t) ? w : t) : (w ?? t);
  }

  /** Runs `next`, the task peekNext() gave, taking it from the queue it is at the head of. */
  private take(next: Task): void {
    this.runTask((next === this.work.peek() ? this.work.pop() : this.timers.pop())!);
  }

  /** The pending timers (time, label), by time, then label (not by the order they were armed in). */
  pendingTimers(): { time: number; label: string }[] {
    return this.timers
      .live()
      .map((t) => ({ time: t.time, label: t.label }))
      .sort((a, b) => a.time - b.time || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }

  /**
   * Moves the clock to `time` as if `tasks` tasks had run on the way (a fast-forward over cycles whose
   * work was generated rather than run); the cap on tasks counts them.
   */
  skipTo(time: number, tasks: number): void {
    this.clock = Math.max(this.clock, time);
    this.tasksRun += tasks;
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
