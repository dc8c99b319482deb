/**
 * Runs lint jobs on worker threads, one per core (at most 4), each pulling the next job when done, so
 * a pack's simulations use every core. Results come back in job order (lint output is deterministic).
 * From TypeScript sources (tests) there is no compiled worker: the jobs then run in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runJob, type LintJob, type LintJobResult } from './jobs.js';

const WORKER = new URL('./worker.js', import.meta.url);

export interface Pool {
  run(jobs: LintJob[]): Promise<LintJobResult[]>;
  close(): Promise<void>;
}

/** Started before the pack is read, so the workers load their modules meanwhile. */
export function startPool(): Pool {
  const size = Math.min(availableParallelism(), 4);
  const usable = size > 1 && import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER));
  if (!usable) return { run: async (jobs) => jobs.map(runJob), close: async () => undefined };
  const workers = Array.from({ length: size }, () => new Worker(WORKER));
  return {
    run: (jobs) => runOn(workers, jobs),
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}

function runOn(workers: Worker[], jobs: LintJob[]): Promise<LintJobResult[]> {
  const results: LintJobResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    if (jobs.length === 0) return resolve(results);
    const feed = (w: Worker) => {
      if (next >= jobs.length) return;
      const id = next++;
      w.postMessage({ id, job: jobs[id] });
    };
    for (const w of workers) {
      w.removeAllListeners('message');
      w.removeAllListeners('error');
      w.on('message', (msg: { id: number; result: LintJobResult }) => {
        results[msg.id] = msg.result;
        if (++done === jobs.length) resolve(results);
        else feed(w);
      });
      w.on('error', reject);
      feed(w);
    }
  });
}
