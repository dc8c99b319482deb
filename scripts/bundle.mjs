// Bundles the CLI with esbuild into dist/bin/: one module graph instead of ~200 files resolved and
// loaded one by one, split at the CLI's dynamic imports so each command loads only what it uses.
// Start-up is what this buys: `check` and the course map's first frame (see README, Performance).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts', 'src/course/lint/worker.ts'],
  outdir: 'dist/bin',
  // main.js is the package's bin; pool.ts finds worker.js beside the chunk that starts the workers.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Packages that load files relative to themselves (blessed's widgets and terminfo) or are only
  // needed off the start-up path stay plain imports from node_modules.
  external: ['blessed', 'marked', 'marked-terminal', '@inquirer/prompts', 'cronstrue', 'fastest-levenshtein'],
  // Bundled CommonJS (yaml) calls require() for Node built-ins; an ES module has no require of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
