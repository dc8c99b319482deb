import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

// Runs every bench/<area>.ts (built to dist/bench/<area>.js); `npm run bench -- runtime` runs one area.
const only = process.argv.slice(2);
const here = new URL('.', import.meta.url);
const areas = readdirSync(here)
  .filter((f) => f.endsWith('.js') && f !== 'run.js' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .filter((a) => only.length === 0 || only.includes(a))
  .sort();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const area of areas) {
  console.log(`\n== ${area}`);
  const bench = (await import(new URL(`${area}.js`, here).href)) as { run(): Promise<void> };
  await bench.run();
}
