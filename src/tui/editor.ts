import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The editor to open a file with: $VISUAL, then $EDITOR (either may carry arguments, e.g. `code -w`),
 * then the first of nano and vi found on PATH — as git and crontab choose.
 */
export function editorCommand(env: NodeJS.ProcessEnv, file: string): { command: string; args: string[] } | undefined {
  for (const value of [env.VISUAL, env.EDITOR]) {
    const words = value?.trim().split(/\s+/).filter(Boolean);
    if (words?.length) return { command: words[0]!, args: [...words.slice(1), file] };
  }
  for (const fallback of ['nano', 'vi']) if (onPath(fallback, env)) return { command: fallback, args: [file] };
  return undefined;
}

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
