import { join } from 'node:path';
import { packageRoot } from '../../util/package-root.js';

/**
 * The built-in lessons/ folder of the installed package.
 * A leaf module: the full-screen course needs it before it loads the pack loader and the runtime.
 */
export function builtinPackDir(): string {
  return join(packageRoot(), 'lessons');
}
