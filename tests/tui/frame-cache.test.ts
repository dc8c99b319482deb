import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CourseMap } from '../../src/course/types.js';
import { frameKey, readFirstFrame, writeFirstFrame } from '../../src/tui/frame-cache.js';

let dir: string;
let env: NodeJS.ProcessEnv;
let pack: string;
const map: CourseMap = { packId: 'p', packTitle: 'P', lessons: [], totals: { lessons: 0, lessonsRead: 0, exercises: 0, exercisesPassed: 0 } };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'k8s-cache-'));
  env = { K8S_COURSE_HOME: join(dir, 'home') };
  pack = join(dir, 'pack');
  mkdirSync(join(pack, '01-intro'), { recursive: true });
  writeFileSync(join(pack, '01-intro', 'lesson.md'), '---\ntitle: Intro\n---\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('first-frame cache', () => {
  it('gives back the frame painted for the same size and colour mode', () => {
    writeFirstFrame(pack, env, { map, examples: {} }, { key: frameKey(100, 30, true), ansi: 'FRAME' });
    expect(readFirstFrame(pack, env)?.frames[frameKey(100, 30, true)]).toBe('FRAME');
    expect(readFirstFrame(pack, env)?.frames[frameKey(80, 24, true)]).toBeUndefined();
  });

  it('is not used once the progress file changes (a check from the command line)', () => {
    writeFirstFrame(pack, env, { map, examples: {} }, { key: frameKey(100, 30, true), ansi: 'FRAME' });
    mkdirSync(join(dir, 'home'), { recursive: true });
    writeFileSync(join(dir, 'home', 'progress.json'), '{}');
    expect(readFirstFrame(pack, env)).toBeUndefined();
  });

  it('is not used once a lesson changes', () => {
    writeFirstFrame(pack, env, { map, examples: {} }, { key: frameKey(100, 30, true), ansi: 'FRAME' });
    writeFileSync(join(pack, '01-intro', 'lesson.md'), '---\ntitle: Introduction, renamed\n---\n');
    expect(readFirstFrame(pack, env)).toBeUndefined();
  });

  it('is not used for another pack', () => {
    writeFirstFrame(pack, env, { map, examples: {} }, { key: frameKey(100, 30, true), ansi: 'FRAME' });
    expect(readFirstFrame(join(dir, 'other'), env)).toBeUndefined();
  });
});
