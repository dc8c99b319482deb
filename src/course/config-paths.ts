import { homedir } from 'node:os';
import { join } from 'node:path';

export const CONFIG_FILE = '.k8s-workloads-course.json';

/** Where a config file may choose the lesson pack, first match wins: the cwd, then the XDG config dir. */
export function configPaths(env: NodeJS.ProcessEnv, cwd: string): string[] {
  const xdg = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
  return [join(cwd, CONFIG_FILE), join(xdg, 'k8s-workloads-course', 'config.json')];
}
