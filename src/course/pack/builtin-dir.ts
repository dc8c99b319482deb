import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built-in lessons/ folder of the installed package (found by walking up to package.json).
 * A leaf module: the full-screen course needs it before it loads the pack loader and the runtime.
 */
export function builtinPackDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; ) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lessons'))) return join(dir, 'lessons');
    const up = dirname(dir);
    if (up === dir) return join(here, '..', '..', '..', 'lessons');
    dir = up;
  }
}
