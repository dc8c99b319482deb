// Bundles the CLI with esbuild into dist/bin/: one module graph instead of ~200 files resolved and
// loaded one by one, split at the CLI's dynamic imports so each command loads only what it uses, and
// a small CommonJS bin in front that paints the cached course map before Node's ES module loader
// starts; `check` once more as one CommonJS file, which the bin runs with a V8 code cache. Start-up is
// what this buys: `check` and the course map's first frame (README, Performance).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

// Chunk names carry a content hash: start empty, or old chunks would pile up and ship in the package.
rmSync('dist/bin', { recursive: true, force: true });

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expressions (one µ in
 * the CronJob schedule parser): escaped there too, every file is ASCII, which V8 holds as a one-byte
 * string and code-cache.ts reads as latin1 — faster to decode and to scan than a two-byte string.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\0-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (ascii !== text) writeFileSync(file, ascii);
}

const common = { bundle: true, platform: 'node', target: 'node20', minify: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src/cli/main.ts', 'src/course/lint/worker.ts'],
  outdir: 'dist/bin',
  // pool.ts finds worker.js beside the chunk that starts the workers.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  splitting: true,
  format: 'esm',
  // Packages that load files relative to themselves (blessed's widgets and terminfo) or are only
  // needed off the start-up path stay plain imports from node_modules; so the bundle holds no CommonJS.
  external: ['blessed', 'marked', 'marked-terminal', '@inquirer/prompts', 'cronstrue', 'fastest-levenshtein', 'yaml'],
});

// CommonJS has no import.meta; package-root.ts finds the package from this file's own URL.
const fileUrl = {
  define: { 'import.meta.url': '__fileUrl' },
  banner: { js: "const __fileUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * The packages src/util/lazy-require.ts loads on first use, bundled into check.cjs: still loaded only
 * when first used (esbuild wraps each CommonJS module in a function), but from the bundle and its code
 * cache instead of file by file through Node's CommonJS loader — the yaml package, which reads every
 * manifest with a syntax error (and YAML the fast path leaves to it), is ~80 files and ~50 ms cold.
 * Unknown names still go to require(), as in lazy-require.ts.
 */
const LAZY_PACKAGES = ['yaml', 'cronstrue', 'fastest-levenshtein'];
const bundleLazyRequires = {
  name: 'bundle-lazy-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]util[\\/]lazy-require\.ts$/ }, () => ({
      loader: 'js',
      contents: [
        `const bundled = { ${LAZY_PACKAGES.map((n) => `${JSON.stringify(n)}: () => require(${JSON.stringify(n)})`).join(', ')} };`,
        'export function lazyRequire(name) { let loaded; return () => (loaded ??= (bundled[name] ?? (() => require(name)))()); }',
      ].join('\n'),
    }));
  },
};

// `check` once more, whole in one CommonJS file: the bin runs it through a V8 code cache (Node 20 has
// no compile cache for ES modules), so its start-up skips compiling. The packages lazy-require.ts
// loads are inside (above); the others stay outside, as in the ES module bundle.
await build({
  ...common,
  ...fileUrl,
  entryPoints: ['src/cli/check-main.ts'],
  outfile: 'dist/bin/check.cjs',
  format: 'cjs',
  external: ['blessed', 'marked', 'marked-terminal', '@inquirer/prompts'],
  plugins: [bundleLazyRequires],
});
for (const name of readdirSync('dist/bin')) asciiOnly(join('dist/bin', name));
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
// Keys the code cache: V8 checks a cache's length, not its source, so any change of check.cjs must change the key.
const checkKey = `${version}-${createHash('sha256').update(readFileSync('dist/bin/check.cjs')).digest('hex').slice(0, 16)}`;

await build({
  ...common,
  ...fileUrl,
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/bin/k8s-workloads-course.cjs',
  format: 'cjs',
  // The CLI proper is the ES module bundle beside this file.
  external: ['./main.js'],
  define: { ...fileUrl.define, CHECK_BUNDLE_KEY: JSON.stringify(checkKey) },
});
asciiOnly('dist/bin/k8s-workloads-course.cjs');
