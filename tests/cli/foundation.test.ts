import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string };
const commandNames = ['simulate', 'check', 'list', 'quiz', 'progress', 'lint', 'new', 'preview'];

describe('program-level flags', () => {
  it('--version prints the package version and exits 0', () => {
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists every command and the exit codes', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const name of commandNames) expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(run.stdout).toContain('2 usage error');
  });

  it.each(commandNames)('%s --help shows that command’s usage and exits 0', (name) => {
    const run = runCli([name, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Usage: k8s-workloads-course ${name}`);
  });
});

describe('usage errors exit 2 with a one-line error and the usage', () => {
  it('suggests the nearest command for a typo', () => {
    const run = runCli(['simulat']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe("error: unknown command 'simulat' (did you mean 'simulate'?)");
    expect(run.stderr).toContain('Usage: k8s-workloads-course [command] [options]');
    expect(run.stdout).toBe('');
  });

  it('names an unknown option and suggests the nearest one', () => {
    const run = runCli(['simulate', 'x.yaml', '--scenari', 's.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe("error: unknown option '--scenari' (did you mean '--scenario'?)");
    expect(run.stderr).toContain('Usage: k8s-workloads-course simulate');
  });

  it('reports an option that lacks its value', () => {
    const run = runCli(['simulate', 'x.yaml', '--scenario']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe("error: option '--scenario' needs a value");
  });

  it('rejects extra arguments for a command that takes none', () => {
    const run = runCli(['list', 'extra']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe("error: unexpected argument 'extra'");
  });
});

describe('colour', () => {
  it('uses no escape sequences with NO_COLOR', () => {
    const run = runCli(['nope'], { env: { NO_COLOR: '1' } });
    expect(run.stderr).not.toContain('\u001b[');
  });

  it('colours errors with FORCE_COLOR even when not on a terminal', () => {
    const run = runCli(['nope'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(run.stderr).toContain('\u001b[31merror:');
  });
});

describe('not on a terminal', () => {
  it('the default command never draws a full-screen UI into a pipe', () => {
    const run = runCli([], { input: '' });
    expect(run.stdout + run.stderr).not.toContain('\u001b[?1049h');
  });
});
