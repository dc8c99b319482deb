import { EXIT_FAILED } from '../io.js';
import type { CommandContext } from '../registry.js';

// Reserved: implemented by its own issue.
export async function run({ io }: CommandContext): Promise<number> {
  io.stderr.write("'simulate' is not available in this version yet.\n");
  return EXIT_FAILED;
}
