// `new lesson <slug>` and `new exercise <lesson> <slug>` [--dir DIR]: scaffold from templates that teach
// the format; never overwrites anything.
import { relative, resolve } from 'node:path';
import { newExercise, newLesson, ScaffoldError, type Scaffolded } from '../../course/scaffold/index.js';
import { EXIT_OK, InputError, UsageError } from '../io.js';
import type { CommandContext } from '../registry.js';

export async function run({ io, values, positionals }: CommandContext): Promise<number> {
  const [what, a, b] = positionals;
  const dir = resolve(io.cwd, typeof values.dir === 'string' ? values.dir : typeof values.lessons === 'string' ? values.lessons : 'lessons');
  let made: Scaffolded;
  try {
    if (what === 'lesson' && a !== undefined && b === undefined) made = newLesson(dir, a);
    else if (what === 'exercise' && a !== undefined && b !== undefined) made = newExercise(dir, a, b);
    else throw new UsageError(what === 'lesson' || what === 'exercise' ? `'new ${what}' needs ${what === 'lesson' ? 'a <slug>' : 'a <lesson> and a <slug>'}` : "say what to create: 'new lesson <slug>' or 'new exercise <lesson> <slug>'", 'new');
  } catch (err) {
    if (err instanceof ScaffoldError) throw new InputError(err.message);
    throw err;
  }
  const show = (p: string) => relative(io.cwd, p) || '.';
  io.stdout.write(`Created ${show(made.dir)}/\n${made.files.map((f) => `  ${show(f)}\n`).join('')}`);
  io.stdout.write(`Edit them (the comments explain each field), then run: k8s-workloads-course lint ${show(dir)}\n`);
  return EXIT_OK;
}
