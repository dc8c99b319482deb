/** Runs a lesson's quiz in line mode (inquirer or typed answers), explains each answer, saves the score. */
import { answerQuestion, orderShown, PredictError, recordQuiz, scoreQuiz, type Answer, type AnswerResult, type Lesson, type Question } from '../../course/index.js';
import type { CliIO } from '../io.js';
import type { CourseSession } from './context.js';
import type { Prompter } from './prompts.js';

export async function runQuiz(io: CliIO, prompter: Prompter, session: CourseSession, lesson: Lesson): Promise<{ score: number; total: number }> {
  const c = io.color;
  const questions = lesson.quiz?.questions ?? [];
  io.stdout.write(`${c.bold(`Quiz: ${lesson.title}`)} — ${questions.length} question${questions.length === 1 ? '' : 's'}\n\n`);
  const results: AnswerResult[] = [];
  for (const [i, q] of questions.entries()) {
    io.stdout.write(c.dim(`Question ${i + 1} of ${questions.length}`) + '\n');
    let result: AnswerResult;
    try {
      result = answerQuestion(q, await ask(prompter, q));
    } catch (err) {
      if (!(err instanceof PredictError)) throw err;
      io.stdout.write(`${c.yellow('This question could not be computed and is skipped:')} ${(err as Error).message}\n\n`);
      continue;
    }
    results.push(result);
    io.stdout.write(result.correct ? c.green('✓ Correct.') : `${c.red('✗ Not quite.')} The answer is: ${c.bold(result.correctAnswer)}`);
    io.stdout.write(`\n${result.explanation}\n\n`);
  }
  const { score, total } = scoreQuiz(results);
  recordQuiz(session.progress.progress, lesson.packId, lesson.id, score, total, new Date());
  session.save();
  io.stdout.write(c.bold(`Score: ${score}/${total}`) + '\n');
  return { score, total };
}

async function ask(prompter: Prompter, q: Question): Promise<Answer> {
  const choices = (list: string[]) => list.map((name, value) => ({ name, value }));
  switch (q.type) {
    case 'single':
      return { type: 'single', index: await prompter.select(q.prompt, choices(q.choices)) };
    case 'multiple':
      return { type: 'multiple', indexes: await prompter.checkbox(`${q.prompt} (choose all that apply)`, choices(q.choices)) };
    case 'truefalse':
      return { type: 'truefalse', value: (await prompter.select(q.prompt, choices(['True', 'False']))) === 0 };
    case 'order':
      return { type: 'order', items: await prompter.order(q.prompt, orderShown(q)) };
    case 'predict': {
      const prompt = `${q.prompt}\n(The simulator will run the example to check your prediction.)`;
      if (q.choices) return { type: 'predict', index: await prompter.select(prompt, choices(q.choices)) };
      return { type: 'predict', value: await prompter.input(`${prompt}\nYour prediction:`) };
    }
  }
}
