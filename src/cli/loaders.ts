import type { CommandLoader } from './cli.js';
import type { CommandModule } from './registry.js';

// One dynamic import per command: the ES module bundle splits at each, so a command loads only its own code.
const loaders: Record<string, () => Promise<CommandModule>> = {
  course: () => import('./commands/course.js'),
  simulate: () => import('./commands/simulate.js'),
  check: () => import('./commands/check.js'),
  list: () => import('./commands/list.js'),
  quiz: () => import('./commands/quiz.js'),
  progress: () => import('./commands/progress.js'),
  lint: () => import('./commands/lint.js'),
  new: () => import('./commands/new.js'),
  preview: () => import('./commands/preview.js'),
};

/** Every command of the registry (registry.ts), by name. */
export const loadCommand: CommandLoader = (name) => {
  const load = loaders[name];
  if (!load) throw new Error(`no module for command '${name}'`);
  return load();
};
