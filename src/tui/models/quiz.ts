import type { Answer, AnswerResult, Question } from '../../course/types.js';
import type { KeyBinding } from '../keys.js';
import { seg, wrap, type Line } from '../text.js';

/** A quiz in progress. Answers are judged by the course engine; this only collects them. */
export interface QuizState {
  lessonId: string;
  questions: Question[];
  index: number;
  cursor: number;
  /** Multiple choice: the ticked choices. */
  picked: number[];
  /** Order questions: the items as currently arranged, and whether the one under the cursor is held. */
  order: string[];
  holding: boolean;
  /** Predict questions without choices: the typed answer. */
  input: string;
  feedback?: AnswerResult;
  score: number;
  done: boolean;
}

export type QuizAction = 'up' | 'down' | 'toggle' | 'submit' | 'next' | 'backspace' | 'cluster';

export function quizKeys(s: QuizState): KeyBinding<QuizAction>[] {
  if (s.done) return [];
  const q = s.questions[s.index]!;
  if (s.feedback) {
    return [
      { keys: ['enter', 'space', 'right'], label: 'Enter', action: 'next', help: 'next question', bar: true },
      { keys: ['v'], label: 'v', action: 'cluster', help: 'see the answer in the cluster view', bar: true, when: q.type === 'predict' },
    ];
  }
  const typing = isTyped(q);
  return [
    { keys: ['up'], label: '↑/↓', action: 'up', help: q.type === 'order' && s.holding ? 'move the held item' : 'choose', bar: !typing },
    { keys: ['down'], label: '↓', action: 'down', help: 'choose', when: !typing },
    {
      keys: ['space'],
      label: 'space',
      action: 'toggle',
      help: q.type === 'order' ? (s.holding ? 'drop' : 'pick up') : 'tick',
      bar: q.type === 'multiple' || q.type === 'order',
      when: q.type === 'multiple' || q.type === 'order',
    },
    { keys: ['enter'], label: 'Enter', action: 'submit', help: 'answer', bar: true },
    { keys: ['backspace'], label: '⌫', action: 'backspace', help: 'delete a character', when: typing },
  ];
}

/** Predict questions without choices take a typed answer. */
export function isTyped(q: Question): boolean {
  return q.type === 'predict' && !q.choices?.length;
}

export function choicesOf(q: Question, s: Pick<QuizState, 'order'>): string[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices;
    case 'truefalse':
      return ['True', 'False'];
    case 'order':
      return s.order;
    case 'predict':
      return q.choices ?? [];
  }
}

export function startQuestion(s: Omit<QuizState, 'cursor' | 'picked' | 'order' | 'holding' | 'input' | 'feedback'>, shownOrder: (q: Question) => string[]): QuizState {
  const q = s.questions[s.index];
  return { ...s, cursor: 0, picked: [], order: q?.type === 'order' ? shownOrder(q) : [], holding: false, input: '', feedback: undefined };
}

export function quizReduce(s: QuizState, a: QuizAction): QuizState {
  const q = s.questions[s.index]!;
  const n = choicesOf(q, s).length;
  switch (a) {
    case 'up':
    case 'down': {
      const cursor = Math.max(0, Math.min(n - 1, s.cursor + (a === 'up' ? -1 : 1)));
      if (q.type !== 'order' || !s.holding || cursor === s.cursor) return { ...s, cursor };
      const order = [...s.order];
      [order[s.cursor], order[cursor]] = [order[cursor]!, order[s.cursor]!];
      return { ...s, order, cursor };
    }
    case 'toggle':
      if (q.type === 'order') return { ...s, holding: !s.holding };
      if (q.type !== 'multiple') return s;
      return { ...s, picked: s.picked.includes(s.cursor) ? s.picked.filter((p) => p !== s.cursor) : [...s.picked, s.cursor].sort((x, y) => x - y) };
    case 'backspace':
      return { ...s, input: [...s.input].slice(0, -1).join('') };
    default:
      return s;
  }
}

export function typeChar(s: QuizState, ch: string): QuizState {
  return isTyped(s.questions[s.index]!) && !s.feedback && /^[\x20-\x7e]$/.test(ch) ? { ...s, input: s.input + ch } : s;
}

/** The learner's answer as the engine takes it; undefined when there is nothing to submit yet. */
export function currentAnswer(s: QuizState): Answer | undefined {
  const q = s.questions[s.index]!;
  switch (q.type) {
    case 'single':
      return { type: 'single', index: s.cursor };
    case 'multiple':
      return s.picked.length ? { type: 'multiple', indexes: s.picked } : undefined;
    case 'truefalse':
      return { type: 'truefalse', value: s.cursor === 0 };
    case 'order':
      return { type: 'order', items: s.order };
    case 'predict': {
      if (q.choices?.length) return { type: 'predict', index: s.cursor };
      const text = s.input.trim();
      if (!text) return undefined;
      if (/^-?\d+$/.test(text)) return { type: 'predict', value: Number(text) };
      if (text.includes(',')) return { type: 'predict', value: text.split(',').map((x) => x.trim()).filter(Boolean) };
      return { type: 'predict', value: text };
    }
  }
}

export function withFeedback(s: QuizState, r: AnswerResult): QuizState {
  return { ...s, feedback: r, score: s.score + (r.correct ? 1 : 0), holding: false };
}

const TYPE_HINT: Record<Question['type'], string> = {
  single: 'Choose one.',
  multiple: 'Tick every right answer with space, then Enter.',
  truefalse: 'True or false?',
  order: 'Put these in order: space picks an item up, ↑/↓ move it, space drops it.',
  predict: 'Predict what the cluster does — the runtime computes the answer.',
};

export function quizLines(s: QuizState, cols: number): Line[] {
  if (s.done) {
    return [
      [seg('Quiz finished', 'title')],
      [],
      [seg(`You scored ${s.score} out of ${s.questions.length}.`, s.score === s.questions.length ? 'ok' : 'bold')],
      [seg('Your score is saved. Press Esc to go back.', 'dim')],
    ];
  }
  const q = s.questions[s.index]!;
  const out: Line[] = [[seg(`Question ${s.index + 1} of ${s.questions.length}`, 'dim'), seg(`   score ${s.score}`, 'dim')], []];
  wrap(q.prompt, cols).forEach((l) => out.push([seg(l, 'bold')]));
  out.push([seg(TYPE_HINT[q.type], 'dim')], []);
  choicesOf(q, s).forEach((c, k) => out.push(choiceLine(s, q, c, k)));
  if (isTyped(q)) out.push([seg('Your answer: '), seg(s.input, 'accent'), seg(s.feedback ? '' : '▏', 'dim')], [seg('(a number, a value, or names separated by commas)', 'dim')]);
  if (s.feedback) {
    out.push([]);
    const f = s.feedback;
    out.push(f.correct ? [seg('✓ Correct!', 'ok')] : [seg('✗ Not quite. ', 'bad'), seg(`The answer: ${f.correctAnswer}`)]);
    wrap(f.explanation, cols).forEach((l) => out.push([seg(l)]));
  }
  return out;
}

function choiceLine(s: QuizState, q: Question, text: string, k: number): Line {
  const here = k === s.cursor && !s.feedback;
  const pointer = here ? (s.holding ? '⇕ ' : '› ') : '  ';
  const box = q.type === 'multiple' ? (s.picked.includes(k) ? '[x] ' : '[ ] ') : q.type === 'order' ? `${k + 1}. ` : '';
  return [seg(pointer, 'accent'), seg(box), seg(text, here ? 'selected' : undefined)];
}
