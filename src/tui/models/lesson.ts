import type { KeyBinding } from '../keys.js';
import { scroll, type ScrollAction } from './scroll.js';

/** A rendered lesson being read: its lines and how far it is scrolled. */
export interface LessonState {
  lessonId: string;
  lines: string[];
  offset: number;
}

export type LessonAction = ScrollAction | 'next' | 'prev' | 'exercise' | 'quiz' | 'example';

export function lessonKeys(info: { hasExercises: boolean; hasQuiz: boolean; hasExample: boolean; hasNext: boolean; hasPrev: boolean }): KeyBinding<LessonAction>[] {
  return [
    { keys: ['up', 'k'], label: '↑/↓', action: 'up', help: 'scroll' },
    { keys: ['down', 'j', 'enter'], label: '↓', action: 'down', help: 'scroll down' },
    { keys: ['pageup', 'b', 'S-space'], label: 'PgUp', action: 'pageUp', help: 'page up' },
    { keys: ['pagedown', 'space'], label: 'PgDn/space', action: 'pageDown', help: 'page down' },
    { keys: ['home', 'g'], label: 'g', action: 'top', help: 'top' },
    { keys: ['end', 'S-g'], label: 'G', action: 'bottom', help: 'bottom' },
    { keys: ['n'], label: 'n/p', action: 'next', help: 'next/prev lesson', bar: true, when: info.hasNext },
    { keys: ['p'], label: 'p', action: 'prev', help: 'previous lesson', when: info.hasPrev },
    { keys: ['x'], label: 'x', action: 'exercise', help: 'exercise', detail: 'open the first exercise not passed yet', bar: true, when: info.hasExercises },
    { keys: ['z'], label: 'z', action: 'quiz', help: 'quiz', bar: true, when: info.hasQuiz },
    { keys: ['o'], label: 'o', action: 'example', help: 'example', detail: 'run the lesson’s example in the cluster view', bar: true, when: info.hasExample },
  ];
}

export function lessonScroll(s: LessonState, a: ScrollAction, height: number): LessonState {
  return { ...s, offset: scroll(s.offset, a, s.lines.length, height) };
}

export function visibleLines(s: LessonState, height: number): string[] {
  return s.lines.slice(s.offset, s.offset + height);
}
