import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { progressPath } from '../course/progress.js';

/**
 * Small screen state kept between runs — where each lesson was left — beside the progress file.
 * Not progress: losing it costs nothing, so reading and writing never fail loudly.
 */
export interface UiState {
  lessonOffsets: Record<string, number>;
}

function statePath(env: NodeJS.ProcessEnv): string {
  return join(dirname(progressPath({ env })), 'tui-state.json');
}

export function loadUiState(env: NodeJS.ProcessEnv): UiState {
  try {
    const data = JSON.parse(readFileSync(statePath(env), 'utf8')) as Partial<UiState>;
    const offsets = Object.entries(data.lessonOffsets ?? {}).filter(([, v]) => Number.isInteger(v) && v >= 0);
    return { lessonOffsets: Object.fromEntries(offsets) };
  } catch {
    return { lessonOffsets: {} };
  }
}

export function saveUiState(env: NodeJS.ProcessEnv, state: UiState): void {
  try {
    const path = statePath(env);
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, path);
  } catch {
    // ignored on purpose: a lost scroll position is harmless
  }
}
