// A lint worker thread: runs the jobs the pool sends, one at a time.
import { parentPort } from 'node:worker_threads';
import { runJob, type LintJob } from './jobs.js';

parentPort?.on('message', (msg: { id: number; job: LintJob }) => {
  parentPort!.postMessage({ id: msg.id, result: runJob(msg.job) });
});
