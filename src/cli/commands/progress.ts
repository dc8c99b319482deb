// `progress [--json] [--reset]`: the learner's progress in the current pack.
import { listCourse, packProgress, resetProgress, type Pack, type Progress } from '../../course/index.js';
import { EXIT_FAILED, EXIT_OK } from '../io.js';
import { openSession } from '../plain/context.js';
import { createPrompter, PromptClosed } from '../plain/prompts.js';
import type { CommandContext } from '../registry.js';

export async function run({ io, values }: CommandContext): Promise<number> {
  const session = openSession(io, values);
  const { pack, progress } = session;
  if (values.reset) {
    if (!values.yes && io.stdin.isTTY) {
      const prompter = createPrompter(io);
      try {
        if (!(await prompter.confirm(`Forget all your progress in "${pack.title}"?`, false))) {
          io.stdout.write('Nothing changed.\n');
          return EXIT_OK;
        }
      } catch (err) {
        if (err instanceof PromptClosed) return EXIT_FAILED;
        throw err;
      } finally {
        prompter.close();
      }
    }
    for (const id of packIdsOf(pack)) resetProgress(progress.progress, id);
    session.save();
    io.stdout.write(`Progress in "${pack.title}" reset.\n`);
    return EXIT_OK;
  }
  const map = listCourse(pack, progress.progress);
  if (values.json) {
    io.stdout.write(JSON.stringify({ pack: pack.id, file: progress.path, totals: map.totals, progress: packProgressOf(progress.progress, pack) }, null, 2) + '\n');
    return EXIT_OK;
  }
  const c = io.color;
  const t = map.totals;
  const lines = [c.bold(`${pack.title}: your progress`), '', `Lessons read:      ${t.lessonsRead}/${t.lessons}`, `Exercises passed:  ${t.exercisesPassed}/${t.exercises}`];
  for (const l of map.lessons) {
    for (const e of l.exercises.filter((x) => x.status !== 'todo')) {
      const ep = progress.progress.packs[l.packId]?.exercises[e.id];
      const first = ep?.firstPassAttempts ? `, passed on attempt ${ep.firstPassAttempts}` : '';
      lines.push(`  ${e.status === 'passed' ? c.green('✓') : c.yellow('~')} ${e.id}: ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}${first}, ${e.hintsUsed} hint${e.hintsUsed === 1 ? '' : 's'}`);
    }
  }
  const quizzes = map.lessons.filter((l) => l.quiz?.best !== undefined);
  lines.push(`Quizzes taken:     ${quizzes.length}/${map.lessons.filter((l) => l.quiz).length}`);
  for (const l of quizzes) lines.push(`  ${l.id}: best ${l.quiz!.best}/${l.quiz!.questions}, last ${l.quiz!.lastScore}/${l.quiz!.questions}`);
  lines.push('', c.dim(`Saved in ${progress.path}`));
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}

/** The packs a course is made of (one, or the built-in lessons and another pack run together). */
function packIdsOf(pack: Pack): string[] {
  return [...new Set(pack.lessons.map((l) => l.packId))];
}

/** One pack's progress as stored; for packs run together, each pack's progress under its id. */
function packProgressOf(progress: Progress, pack: Pack): unknown {
  const ids = packIdsOf(pack);
  if (ids.length <= 1) return packProgress(structuredClone(progress), pack.id);
  return Object.fromEntries(ids.map((id) => [id, packProgress(structuredClone(progress), id)]));
}
