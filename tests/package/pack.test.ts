import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

interface PackEntry {
  filename: string;
  size: number;
  entryCount: number;
  files: { path: string }[];
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work: string;
let pack: PackEntry;

// Proves `npx k8s-workloads-course` works without publishing: pack, install the tarball into an empty
// folder outside the repo, run the installed binary from there.
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'k8s-course-pack-'));
  const out = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  pack = (JSON.parse(out) as PackEntry[])[0]!;
  console.log(`package tarball: ${pack.filename}, ${(pack.size / 1024).toFixed(1)} KiB, ${pack.entryCount} files`);
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{"name":"pack-test","version":"1.0.0","private":true}\n');
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, pack.filename)], {
    cwd: app,
    encoding: 'utf8',
    stdio: 'pipe',
  });
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function runInstalled(args: string[]) {
  const bin = join(work, 'app', 'node_modules', '.bin', 'k8s-workloads-course');
  return spawnSync(bin, args, { cwd: join(work, 'app'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('the published package', () => {
  it('holds the built JavaScript, lessons and docs, but no tests, sources or fixtures', () => {
    const paths = pack.files.map((f) => f.path);
    // The bin (CommonJS, paints the first frame) in front of the ES module bundle.
    expect(paths).toContain('dist/bin/k8s-workloads-course.cjs');
    expect(paths).toContain('dist/bin/main.js');
    // `check` has a CommonJS bundle of its own, which the bin runs with a V8 code cache.
    expect(paths).toContain('dist/bin/check.cjs');
    // The lint worker is an entry of its own, found beside the bundle's chunks.
    expect(paths).toContain('dist/bin/worker.js');
    // The bundle is the whole program: tsc's per-file output stays out of the tarball.
    expect(paths.filter((p) => p.startsWith('dist/') && !p.startsWith('dist/bin/'))).toEqual([]);
    expect(paths).toContain('package.json');
    expect(paths.some((p) => p.startsWith('lessons/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('docs/'))).toBe(true);
    expect(paths.filter((p) => p.startsWith('tests/') || p.startsWith('src/') || p.startsWith('bench/'))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    expect(paths.filter((p) => p.includes('fixtures'))).toEqual([]);
  });

  it('installs a working `k8s-workloads-course` binary that prints its version', () => {
    const run = runInstalled(['--version']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('simulates a sample manifest from the installed package', () => {
    const run = runInstalled(['simulate', join(repoRoot, 'tests/fixtures/sample/web.yaml')]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const runningPods = run.stdout.match(/^pod\/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/gm) ?? [];
    expect(runningPods).toHaveLength(3);
    expect(run.stdout).toMatch(/^deployment\.apps\/web\s+3\/3\s/m);
  });

  it('checks a built-in exercise from the installed package (its lessons found beside the bundle)', () => {
    const solution = join(work, 'app', 'node_modules', 'k8s-workloads-course', 'lessons', '01-workload-resources', 'exercises', '01-bare-pod-to-deployment', 'solution.yaml');
    const check = () =>
      spawnSync(join(work, 'app', 'node_modules', '.bin', 'k8s-workloads-course'), ['check', solution, '--exercise', 'bare-pod-to-deployment'], {
        cwd: join(work, 'app'),
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', K8S_COURSE_HOME: join(work, 'home') },
      });
    const run = check();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('all 3 checks passed');
    expect(run.status).toBe(0);
    // The second run starts from the code cache the first left in the home.
    expect(readdirSync(join(work, 'home', 'code-cache'))).toHaveLength(1);
    const again = check();
    expect(again.stdout).toBe(run.stdout);
    expect(again.status).toBe(0);
  });
});
