import type { Question } from '../../course/types.js';
import type { KeyBinding } from '../keys.js';
import { currentAnswer, quizKeys, quizLines, quizReduce, startQuestion, typeChar, withFeedback, type QuizAction, type QuizState } from '../models/quiz.js';
import { seg, type Line } from '../text.js';
import type { AppContext, View } from '../view.js';

/** A lesson's quiz: one question at a time, the engine's verdict and explanation after each answer. */
export class QuizScreen implements View {
  title: string;
  private notice?: string;

  private constructor(
    private readonly app: AppContext,
    private state: QuizState,
  ) {
    this.title = 'quiz';
  }

  static async open(app: AppContext, lessonId: string): Promise<QuizScreen> {
    await app.port.loadQuiz();
    const questions = app.port.questions(lessonId);
    const state = startQuestion({ lessonId, questions, index: 0, score: 0, done: questions.length === 0 }, (q) => app.port.orderShown(q));
    return new QuizScreen(app, state);
  }

  private get question(): Question {
    return this.state.questions[this.state.index]!;
  }

  keys(): KeyBinding[] {
    return quizKeys(this.state);
  }

  input(ch: string | undefined): boolean {
    if (!ch) return false;
    const next = typeChar(this.state, ch);
    if (next === this.state) return false;
    this.state = next;
    return true;
  }

  act(action: string): void {
    const a = action as QuizAction;
    if (a === 'submit') return this.submit();
    if (a === 'next') return this.next();
    if (a === 'cluster') return this.cluster();
    this.state = quizReduce(this.state, a);
    this.notice = undefined;
  }

  private submit(): void {
    const answer = currentAnswer(this.state);
    if (!answer) {
      this.notice = this.question.type === 'multiple' ? 'Tick at least one choice with space.' : 'Type an answer first.';
      return;
    }
    this.app.run(async () => {
      this.notice = this.question.type === 'predict' ? 'Running the cluster to compute the answer…' : undefined;
      this.app.render();
      this.state = withFeedback(this.state, await this.app.port.answer(this.question, answer));
      this.notice = undefined;
    });
  }

  private next(): void {
    const index = this.state.index + 1;
    if (index >= this.state.questions.length) {
      this.state = { ...this.state, done: true };
      this.app.port.saveQuiz(this.state.lessonId, this.state.score, this.state.questions.length);
      return;
    }
    this.state = startQuestion({ ...this.state, index }, (q) => this.app.port.orderShown(q));
  }

  private cluster(): void {
    const q = this.question;
    this.app.run(async () => {
      const result = await this.app.port.predict(q);
      this.app.push((await import('./cluster.js')).ClusterScreen.open(this.app, result.simulation, `answer: ${result.display}`));
    });
  }

  body(cols: number, height: number): Line[] {
    return quizLines(this.state, Math.min(cols, 100)).slice(0, height);
  }

  status(): Line | undefined {
    return this.notice ? [seg(this.notice, 'info')] : undefined;
  }
}
