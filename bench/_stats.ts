import { performance } from 'node:perf_hooks';

/** Median of the wall times (ms) of `runs` calls of fn, after `warmup` unmeasured calls. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 30, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function report(label: string, value: number, unit: string, target?: string): void {
  const figure = unit === 'ms' ? value.toFixed(2) : value.toFixed(1);
  console.log(`  ${label.padEnd(60)} ${figure.padStart(9)} ${unit}${target ? `   (target ${target})` : ''}`);
}
