import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPack } from '../../src/course/pack/load.js';
import { answerQuestion, orderShown, predictAnswer, predictChoiceIndexes, scoreQuiz } from '../../src/course/quiz.js';
import type { Question } from '../../src/course/types.js';

const quiz = loadPack(join(import.meta.dirname, '../fixtures/packs/sample')).lessons[0]!.quiz!;
const q = <T extends Question['type']>(type: T) => quiz.questions.find((x) => x.type === type) as Extract<Question, { type: T }>;

describe('scoring answers', () => {
  test('single choice: only the keyed index is right, and the explanation comes back either way', () => {
    expect(answerQuestion(q('single'), { type: 'single', index: 1 })).toMatchObject({ correct: true, correctAnswer: 'The ReplicaSet controller' });
    const wrong = answerQuestion(q('single'), { type: 'single', index: 0 });
    expect(wrong.correct).toBe(false);
    expect(wrong.explanation).toContain('ReplicaSet controller creates Pods');
  });

  test('multiple choice needs exactly the keyed set, in any order', () => {
    expect(answerQuestion(q('multiple'), { type: 'multiple', indexes: [2, 0] }).correct).toBe(true);
    expect(answerQuestion(q('multiple'), { type: 'multiple', indexes: [0] }).correct).toBe(false);
    expect(answerQuestion(q('multiple'), { type: 'multiple', indexes: [0, 1, 2] }).correct).toBe(false);
  });

  test('true/false', () => {
    expect(answerQuestion(q('truefalse'), { type: 'truefalse', value: false }).correct).toBe(true);
    expect(answerQuestion(q('truefalse'), { type: 'truefalse', value: true }).correct).toBe(false);
  });

  test('ordering: the items as written are the right order; shown shuffled, deterministically, never correct', () => {
    const order = q('order');
    const shown = orderShown(order);
    expect(shown).not.toEqual(order.items);
    expect([...shown].sort()).toEqual([...order.items].sort());
    expect(orderShown(order)).toEqual(shown);
    expect(answerQuestion(order, { type: 'order', items: ['Deployment', 'ReplicaSet', 'Pod'] }).correct).toBe(true);
    expect(answerQuestion(order, { type: 'order', items: shown }).correct).toBe(false);
  });

  test('a quiz score counts the correct answers', () => {
    expect(scoreQuiz([{ correct: true, correctAnswer: '', explanation: '' }, { correct: false, correctAnswer: '', explanation: '' }])).toEqual({ score: 1, total: 2 });
  });
});

describe('predict questions are answered by the runtime', () => {
  test('after an image change settles, Deployment web owns 2 ReplicaSets (the old one scaled to 0)', () => {
    const predict = q('predict');
    const result = predictAnswer(predict);
    expect(result.value).toBe(2);
    expect(result.simulation.timeline.length).toBeGreaterThan(0);
    expect(predictChoiceIndexes(predict)).toEqual([1]);
  });

  test('choosing the computed choice is correct; another is not, and the computed answer is shown', () => {
    const predict = q('predict');
    expect(answerQuestion(predict, { type: 'predict', index: 1 }).correct).toBe(true);
    expect(answerQuestion(predict, { type: 'predict', index: 0 })).toMatchObject({ correct: false, correctAnswer: '2' });
    expect(answerQuestion(predict, { type: 'predict', value: 2 }).correct).toBe(true);
  });
});
