import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

// Runs every bench/<area>.ts (built to dist/bench/<area>.js); `npm run bench -- runtime` runs one area.
// Each area runs in a process of its own, so no figure carries another area's heap or JIT state.
const args = process.argv.slice(2);
const here = new URL('.', import.meta.url);

if (args[0] === '--in-process') {
  const bench = (await import(new URL(`${args[1]}.js`, here).href)) as { run(): Promise<void> };
  await bench.run();
} else {
  const areas = readdirSync(here)
    .filter((f) => f.endsWith('.js') && f !== 'run.js' && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .filter((a) => args.length === 0 || args.includes(a))
    .sort();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`machine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  for (const area of areas) {
    console.log(`\n== ${area}`);
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--in-process', area], { stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = 1;
  }
}
