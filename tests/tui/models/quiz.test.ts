import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/course/types.js';
import { currentAnswer, quizLines, quizReduce, startQuestion, typeChar, withFeedback, type QuizState } from '../../../src/tui/models/quiz.js';
import { lineText } from '../../../src/tui/text.js';

const source = { file: 'quiz.yaml' };
const single: Question = { id: 's', type: 'single', prompt: 'Who creates Pods?', choices: ['A', 'B', 'C'], answer: 1, explanation: 'B does.', source };
const multiple: Question = { id: 'm', type: 'multiple', prompt: 'Pick', choices: ['A', 'B', 'C'], answers: [0, 2], explanation: '', source };
const order: Question = { id: 'o', type: 'order', prompt: 'Order', items: ['db-0', 'db-1', 'db-2'], explanation: '', source };
const predict = { id: 'p', type: 'predict', prompt: 'How many?', explanation: '', source } as unknown as Question;

function quiz(q: Question): QuizState {
  return startQuestion({ lessonId: 'l', questions: [q], index: 0, score: 0, done: false }, () => ['db-2', 'db-0', 'db-1']);
}

describe('quiz model', () => {
  it('single choice answers the choice under the cursor', () => {
    const s = quizReduce(quiz(single), 'down');
    expect(currentAnswer(s)).toEqual({ type: 'single', index: 1 });
  });

  it('multiple choice needs at least one tick and answers the ticked indexes in order', () => {
    let s = quiz(multiple);
    expect(currentAnswer(s)).toBeUndefined();
    s = quizReduce(quizReduce(quizReduce(quizReduce(s, 'down'), 'down'), 'toggle'), 'up');
    s = quizReduce(quizReduce(s, 'up'), 'toggle');
    expect(currentAnswer(s)).toEqual({ type: 'multiple', indexes: [0, 2] });
  });

  it('order questions move the held item with the cursor', () => {
    let s = quiz(order);
    expect(s.order).toEqual(['db-2', 'db-0', 'db-1']);
    s = quizReduce(quizReduce(quizReduce(s, 'toggle'), 'down'), 'down');
    expect(currentAnswer(s)).toEqual({ type: 'order', items: ['db-0', 'db-1', 'db-2'] });
  });

  it('predict questions without choices take a typed number, value or list of names', () => {
    let s = quiz(predict);
    for (const ch of '12') s = typeChar(s, ch);
    expect(currentAnswer(s)).toEqual({ type: 'predict', value: 12 });
    s = quizReduce(quizReduce(s, 'backspace'), 'backspace');
    for (const ch of 'a, b') s = typeChar(s, ch);
    expect(currentAnswer(s)).toEqual({ type: 'predict', value: ['a', 'b'] });
  });

  it('after an answer the verdict and explanation are shown and the score counts it', () => {
    const s = withFeedback(quiz(single), { correct: false, correctAnswer: 'B', explanation: 'B does.' });
    const text = quizLines(s, 80).map(lineText).join('\n');
    expect(text).toContain('✗ Not quite. The answer: B');
    expect(text).toContain('B does.');
    expect(s.score).toBe(0);
  });
});
