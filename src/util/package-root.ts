import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The installed package's root folder (package.json and lessons/ side by side), found by walking up
 * from this module: the same answer from the TypeScript sources, dist/src/ (tests) and the bundle in
 * dist/bin/ (what learners run).
 */
export function packageRoot(): string {
  if (root) return root;
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; ) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lessons'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`k8s-workloads-course: no package.json with lessons/ above ${here}; reinstall the package`);
    dir = up;
  }
}
