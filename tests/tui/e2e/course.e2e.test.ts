import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, KEY, longPack, PtySession, tempDir } from './pty.js';

let session: PtySession | undefined;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`build first: ${CLI} is missing (npx tsc -p tsconfig.build.json)`);
});

afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

function start(opts: ConstructorParameters<typeof PtySession>[0] = {}): PtySession {
  session = new PtySession(opts);
  return session;
}

/** Runs the course once in `dir` and quits, so that the next run finds its first frame cached. */
async function cacheFirstFrame(args: string[], dir = tempDir()): Promise<string> {
  const first = new PtySession({ dir, args });
  await first.waitFor('Continue:');
  first.send('q');
  expect(await first.exit()).toBe(0);
  return dir;
}

describe('full-screen course in a pseudo-terminal', () => {
  it('opens on the course map with the progress bar and the keys of the map', async () => {
    const s = start();
    const text = await s.waitFor('Continue:');
    expect(text).toContain('Progress');
    expect(text).toMatch(/1 ○ Deployments/);
    expect(text).toContain('q quit');
  });

  it('opens a lesson, scrolls it with keys, and remembers the position', async () => {
    const dir = tempDir();
    const s = start({ rows: 24, cols: 80, dir, args: ['--lessons', longPack(dir)] });
    await s.waitFor('Continue:');
    s.send(KEY.enter);
    await s.waitFor('A Deployment owns ReplicaSets');
    expect(s.text()).not.toContain('The very last line.');
    const before = s.screen()[0];
    s.send('j');
    await s.waitFor(/lines 2–/);
    expect(s.screen()[0]).not.toBe(before);
    s.send(KEY.pageDown);
    await s.waitFor(/lines 2[0-9]–/);
    s.send('G');
    await s.waitFor('The very last line.');
    s.send(KEY.escape);
    await s.waitFor('Continue:');
    expect(s.text()).toMatch(/read ✓/);
    s.send(KEY.enter);
    await s.waitFor('The very last line.');
    s.send('q');
    await s.exit();
    // A new run opens the lesson where it was left.
    const again = start({ rows: 24, cols: 80, dir, args: ['--lessons', join(dir, 'pack')] });
    await again.waitFor('Continue:');
    again.send(KEY.enter);
    await again.waitFor('The very last line.');
  });

  it('the mouse wheel scrolls a lesson', async () => {
    const dir = tempDir();
    const s = start({ dir, args: ['--lessons', longPack(dir)] });
    await s.waitFor('Continue:');
    s.send(KEY.enter);
    await s.waitFor(/lines 1–/);
    s.send('\u001b[<65;10;10M'); // SGR mouse report: wheel down at column 10, row 10
    await s.waitFor(/lines 4–/);
  });

  it('with NO_COLOR the screen uses no colours, and pod phases still read as letters', async () => {
    const s = start({ env: { NO_COLOR: '1' } });
    await s.waitFor('Continue:');
    s.send(KEY.down + KEY.enter);
    await s.waitFor('Your file:');
    s.send('c');
    await s.waitFor('NOT YET');
    s.send('v');
    await s.waitFor(/R✓ web-|C {2}web-/);
    expect(s.raw).not.toMatch(/\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;5;\d+)m/);
  });

  it('q quits and leaves the alternate screen with the cursor shown and raw mode off', async () => {
    const s = start({ after: '; echo EXIT=$?; stty -a' });
    await s.waitFor('Continue:');
    s.send('q');
    await s.waitFor('EXIT=0');
    await s.waitFor(/icanon/);
    expect(s.term.buffer.active.type).toBe('normal');
    expect(s.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(s.raw.lastIndexOf('\u001b[?25l'));
    expect(s.text()).toMatch(/(^|\s)icanon/);
    expect(s.text()).toMatch(/(^|\s)echo(\s|$)/);
  });

  it('a second run of the built-in course paints the cached map at once, then runs and quits cleanly', async () => {
    const dir = await cacheFirstFrame([]);
    // This time the bin paints the map from the cache before the course has loaded; keys typed at
    // once still reach the course, and quitting restores the terminal.
    const s = start({ dir, args: [], after: '; echo EXIT=$?; stty -a' });
    await s.waitFor('Continue:');
    s.send(KEY.enter);
    await s.waitFor(/lines 1–/);
    s.send('q');
    await s.waitFor('EXIT=0');
    await s.waitFor(/icanon/);
    expect(s.term.buffer.active.type).toBe('normal');
    expect(s.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(s.raw.lastIndexOf('\u001b[?25l'));
    expect(s.text()).toMatch(/(^|\s)echo(\s|$)/);
  });

  it('a pack that breaks after its map was cached: the error is printed after the screen is restored', async () => {
    const dir = tempDir();
    const pack = longPack(dir);
    await cacheFirstFrame(['--lessons', pack], dir);
    writeFileSync(join(pack, '01-deployments/exercises/01-three-replicas/exercise.yaml'), 'id: [unclosed\n');
    const s = start({ dir, args: ['--lessons', pack], after: '; echo EXIT=$?' });
    const text = await s.waitFor('EXIT=1');
    expect(s.term.buffer.active.type).toBe('normal');
    expect(text).toMatch(/error:[\s\S]*exercise\.yaml/);
    expect(s.raw.lastIndexOf('\u001b[?1049l')).toBeLessThan(s.raw.indexOf('error:'));
  });

  it('Ctrl-C quits from a nested view', async () => {
    const s = start();
    await s.waitFor('Continue:');
    s.send(KEY.enter);
    await s.waitFor('A Deployment owns ReplicaSets');
    s.send(KEY.ctrlC);
    expect(await s.exit()).toBe(0);
    expect(s.term.buffer.active.type).toBe('normal');
  });

  it('SIGTERM restores the terminal before exiting', async () => {
    const s = start();
    await s.waitFor('Continue:');
    s.send('?');
    await s.waitFor('Keys — course map');
    s.signal('SIGTERM');
    expect(await s.exit()).toBe(143);
    expect(s.term.buffer.active.type).toBe('normal');
    expect(s.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(s.raw.lastIndexOf('\u001b[?25l'));
  });

  it('SIGTERM while the cached map is shown, before the course has loaded, restores the terminal', async () => {
    const dir = await cacheFirstFrame([]);
    const s = start({ dir, args: [] });
    // Signal as soon as the bin has painted the map: the course proper is still loading then.
    while (!s.raw.includes('Continue:')) await new Promise((r) => setTimeout(r, 1));
    s.signal('SIGTERM');
    expect(await s.exit()).toBe(143);
    expect(s.term.buffer.active.type).toBe('normal');
    expect(s.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(s.raw.lastIndexOf('\u001b[?25l'));
  });

  it('opens an exercise showing the task and the learner’s file', async () => {
    const s = start();
    await s.waitFor('Continue:');
    s.send(KEY.down + KEY.enter);
    const text = await s.waitFor('Your file:');
    expect(text).toContain('three-replicas.yaml');
    expect(text).toContain('e edit');
    expect(existsSync(join(s.dir, 'ws', 'three-replicas.yaml'))).toBe(true);
  });

  it('shows the next hint on h', async () => {
    const s = start();
    await s.waitFor('Continue:');
    s.send(KEY.down + KEY.enter);
    await s.waitFor('Your file:');
    s.send('h');
    await s.waitFor('Hint 1:');
  });

  it('says so when the terminal shrinks below 80×24, and recovers when it grows', async () => {
    const s = start();
    await s.waitFor('Continue:');
    s.resize(70, 20);
    await s.waitFor('needs at least 80×24');
    s.resize(90, 26);
    await s.waitFor('Continue:');
  });

  it('? lists every key of the view', async () => {
    const s = start();
    await s.waitFor('Continue:');
    s.send('?');
    const text = await s.waitFor('Keys — course map');
    expect(text).toContain('continue where you left off');
    s.send('x');
    await s.waitFor('Continue:');
  });

  it('falls back to the line-mode course when the terminal is too small at start', async () => {
    const s = start({ cols: 60, rows: 20 });
    await s.waitFor('Which lesson?');
    expect(s.raw).toContain('60×20');
    expect(s.raw).not.toContain('\u001b[?1049h');
  });

  it('workspace file written outside re-checks while the exercise is open', async () => {
    const s = start();
    await s.waitFor('Continue:');
    s.send(KEY.down + KEY.enter);
    await s.waitFor('Your file:');
    const file = join(s.dir, 'ws', 'three-replicas.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n# edited\n');
    await s.waitFor(/saved — re-checking|Checking|PASSED|NOT YET|INVALID|not available/);
  });
});
