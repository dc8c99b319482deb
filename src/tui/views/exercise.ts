import type { KeyBinding } from '../keys.js';
import { editorCommand } from '../editor.js';
import {
  exerciseKeys,
  exerciseLines,
  exerciseScroll,
  initialExercise,
  solutionConfirmText,
  withResult,
  type ExerciseAction,
  type ExerciseState,
} from '../models/exercise.js';
import { clampScroll, scrollPosition, type ScrollAction } from '../models/scroll.js';
import { seg, type Line } from '../text.js';
import { stripSgr } from '../theme.js';
import type { AppContext, View } from '../view.js';
import { watchFile } from '../watch.js';

const SCROLLS: string[] = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'];

/** An exercise: task, hints, the learner's file (edited in their editor, watched), check results. */
export class ExerciseScreen implements View {
  title: string;
  private unwatch?: () => void;
  private editing = false;
  private lines: Line[] = [];
  private renderedWidth = 0;

  private constructor(
    private readonly app: AppContext,
    private state: ExerciseState,
  ) {
    this.title = `exercise “${state.info.title}”`;
  }

  static async open(app: AppContext, id: string): Promise<ExerciseScreen> {
    const info = app.port.openExercise(id);
    const screen = new ExerciseScreen(app, initialExercise(info, []));
    await screen.renderTask();
    return screen;
  }

  private async renderTask(): Promise<void> {
    const { cols } = this.app.size();
    const text = await this.app.port.renderMarkdown(this.state.info.task, Math.min(cols - 1, 100));
    this.state = { ...this.state, task: (this.app.theme.color ? text : stripSgr(text)).replace(/\n+$/, '').split('\n') };
    this.renderedWidth = cols;
  }

  shown(): void {
    this.unwatch ??= watchFile(this.state.info.path, () => {
      if (!this.editing) this.check('saved — re-checking');
    });
  }

  hidden(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  keys(): KeyBinding[] {
    return exerciseKeys(this.state);
  }

  act(action: string): void {
    const a = action as ExerciseAction;
    const { cols, rows } = this.app.size();
    if (SCROLLS.includes(a)) {
      this.state = exerciseScroll(this.state, a as ScrollAction, exerciseLines(this.state, cols).length, rows);
      return;
    }
    switch (a) {
      case 'edit':
        return this.edit();
      case 'check':
        return this.check();
      case 'hint':
        this.state = { ...this.state, info: { ...this.state.info, hintsUsed: this.app.port.useHint(this.state.info.id) } };
        this.state = { ...this.state, offset: clampScroll(Infinity, exerciseLines(this.state, cols).length, rows) };
        return;
      case 'reset':
        this.state = { ...this.state, confirm: 'reset' };
        return;
      case 'solution':
        this.state = { ...this.state, confirm: 'solution' };
        return;
      case 'no':
        this.state = { ...this.state, confirm: undefined };
        return;
      case 'yes':
        return this.confirmed();
      case 'cluster':
        return this.openCluster();
    }
  }

  private confirmed(): void {
    const what = this.state.confirm;
    this.state = { ...this.state, confirm: undefined };
    if (what === 'reset') {
      const r = this.app.port.reset(this.state.info.id);
      this.state = { ...this.state, result: undefined, notice: r.backup ? `Starter restored; your version is saved as ${r.backup}` : 'Starter restored.' };
    } else if (what === 'solution') {
      this.state = { ...this.state, solution: this.app.port.solution(this.state.info.id) };
      const { cols, rows } = this.app.size();
      this.state = { ...this.state, offset: clampScroll(Infinity, exerciseLines(this.state, cols).length, rows) };
    }
  }

  private edit(): void {
    const editor = editorCommand(process.env, this.state.info.path);
    if (!editor) {
      this.state = { ...this.state, notice: `No editor found: set $EDITOR, or edit ${this.state.info.path} in another window.` };
      return;
    }
    this.app.run(async () => {
      this.editing = true;
      try {
        const code = await this.app.exec(editor.command, editor.args);
        if (code !== 0) this.state = { ...this.state, notice: `${editor.command} exited with code ${code}` };
      } finally {
        this.editing = false;
      }
      await this.runCheck('');
    });
  }

  private check(notice = ''): void {
    this.app.run(() => this.runCheck(notice));
  }

  private async runCheck(notice: string): Promise<void> {
    this.state = { ...this.state, checking: true, notice: notice || undefined };
    this.app.render();
    try {
      const result = await this.app.port.check(this.state.info.id);
      this.state = withResult(this.state, result);
      const { cols, rows } = this.app.size();
      // Bring the verdict into view: scroll so the results section starts at the top when possible.
      const all = exerciseLines(this.state, cols);
      const at = all.findIndex((l) => /^(✓ PASSED|✗ )/.test(l.map((s) => s.text).join('')));
      this.state = { ...this.state, offset: clampScroll(Math.max(0, at - 2), all.length, rows) };
    } finally {
      this.state = { ...this.state, checking: false };
    }
  }

  private openCluster(): void {
    const sim = this.state.result?.simulation;
    if (!sim) return;
    this.app.run(async () => {
      this.app.push((await import('./cluster.js')).ClusterScreen.open(this.app, sim, `run of “${this.state.info.title}”`));
    });
  }

  body(cols: number, height: number): Line[] {
    if (cols !== this.renderedWidth) this.app.run(() => this.renderTask());
    this.lines = exerciseLines(this.state, cols);
    this.state = { ...this.state, offset: clampScroll(this.state.offset, this.lines.length, height) };
    return this.lines.slice(this.state.offset, this.state.offset + height);
  }

  status(): Line {
    if (this.state.confirm === 'solution') return [seg(solutionConfirmText(), 'warn')];
    if (this.state.confirm === 'reset') return [seg('Replace your file with the starter? Your version is kept as a backup. (y/n)', 'warn')];
    if (this.state.notice) return [seg(this.state.notice, 'info')];
    return [seg(scrollPosition(this.state.offset, this.lines.length, this.app.size().rows), 'dim')];
  }
}
