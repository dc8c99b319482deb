import type { KeyBinding } from '../keys.js';
import { lessonKeys, lessonScroll, visibleLines, type LessonAction, type LessonState } from '../models/lesson.js';
import { clampScroll, scrollPosition, type ScrollAction } from '../models/scroll.js';
import type { LessonInfo } from '../port.js';
import { seg, type Line } from '../text.js';
import { stripSgr } from '../theme.js';
import { loadUiState, saveUiState, type UiState } from '../ui-state.js';
import type { AppContext, View } from '../view.js';

/** Where each lesson was left (kept between runs): reopening a lesson returns to the same line. */
let saved: UiState | undefined;
const positions = {
  get(id: string): number | undefined {
    saved ??= loadUiState(process.env);
    return saved.lessonOffsets[id];
  },
  set(id: string, offset: number): void {
    saved ??= loadUiState(process.env);
    saved.lessonOffsets[id] = offset;
  },
};

const SCROLLS: string[] = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'];

export class LessonScreen implements View {
  title: string;
  private renderedWidth = 0;

  private constructor(
    private readonly app: AppContext,
    private info: LessonInfo,
    private state: LessonState,
  ) {
    this.title = `lesson “${info.title}”`;
  }

  static async open(app: AppContext, lessonId: string): Promise<LessonScreen> {
    const screen = new LessonScreen(app, app.port.lesson(lessonId), { lessonId, lines: [], offset: positions.get(lessonId) ?? 0 });
    await screen.load();
    return screen;
  }

  /** Renders the Markdown for the current width (again after a resize). */
  private async load(): Promise<void> {
    const { cols } = this.app.size();
    const text = await this.app.port.renderMarkdown(this.info.markdown, Math.min(cols - 1, 100));
    const body = this.app.theme.color ? text : stripSgr(text);
    const head = [`\u001b[1m${this.info.title}\u001b[22m`, `${this.info.minutes} min · ${this.info.summary}`, ''];
    this.state = { ...this.state, lines: [...(this.app.theme.color ? head : head.map(stripSgr)), ...body.replace(/\n+$/, '').split('\n')] };
    this.renderedWidth = cols;
    this.state = { ...this.state, offset: clampScroll(positions.get(this.info.id) ?? 0, this.state.lines.length, this.height()) };
    this.noteProgress();
  }

  /** Leaving the lesson (or quitting) saves where it was left. */
  hidden(): void {
    if (saved) saveUiState(process.env, saved);
  }

  private height(): number {
    return this.app.size().rows;
  }

  private neighbours(): { prev?: string; next?: string } {
    const lessons = this.app.port.map().lessons;
    const i = lessons.findIndex((l) => l.id === this.info.id);
    return { prev: lessons[i - 1]?.id, next: lessons[i + 1]?.id };
  }

  keys(): KeyBinding[] {
    const n = this.neighbours();
    return lessonKeys({
      hasExercises: this.info.exercises.length > 0,
      hasQuiz: this.info.hasQuiz,
      hasExample: this.info.examples.length > 0,
      hasNext: Boolean(n.next),
      hasPrev: Boolean(n.prev),
    });
  }

  act(action: string): void {
    const a = action as LessonAction;
    if (SCROLLS.includes(a)) {
      this.state = lessonScroll(this.state, a as ScrollAction, this.height());
      this.noteProgress();
      return;
    }
    this.app.run(async () => {
      const n = this.neighbours();
      if (a === 'next' || a === 'prev') {
        const id = a === 'next' ? n.next : n.prev;
        if (!id) return;
        this.info = this.app.port.lesson(id);
        this.title = `lesson “${this.info.title}”`;
        this.state = { lessonId: id, lines: [], offset: positions.get(id) ?? 0 };
        await this.load();
        return;
      }
      if (a === 'exercise') {
        const e = this.pickExercise();
        if (e) this.app.push(await (await import('./exercise.js')).ExerciseScreen.open(this.app, e));
      } else if (a === 'quiz') {
        this.app.push(await (await import('./quiz.js')).QuizScreen.open(this.app, this.info.id));
      } else if (a === 'example') {
        const sim = await this.app.port.example(this.info.id, 0);
        this.app.push((await import('./cluster.js')).ClusterScreen.open(this.app, sim, `example: ${this.info.examples[0]!.title}`));
      }
    });
  }

  /** The first exercise not passed yet, else the first. */
  private pickExercise(): string | undefined {
    const lesson = this.app.port.map().lessons.find((l) => l.id === this.info.id);
    return (lesson?.exercises.find((e) => e.status !== 'passed') ?? lesson?.exercises[0])?.id;
  }

  /** Remembers the position; reaching the end marks the lesson read. */
  private noteProgress(): void {
    positions.set(this.info.id, this.state.offset);
    if (this.state.offset + this.height() >= this.state.lines.length) this.app.port.markRead(this.info.id);
  }

  body(cols: number, height: number): Line[] {
    if (cols !== this.renderedWidth) this.app.run(() => this.load());
    return visibleLines(this.state, height).map((l) => [seg(l)]);
  }

  status(): Line {
    const where = scrollPosition(this.state.offset, this.state.lines.length, this.height());
    return [seg(where === 'all shown' ? where : `${where} — ↑/↓ space b g G scroll`, 'dim')];
  }
}
