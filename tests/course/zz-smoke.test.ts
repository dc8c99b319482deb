import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { readPack } from '../../src/course/pack/load.js';
import { checkManifestAgainst } from '../../src/course/exercise.js';
import { predictAnswer, predictChoiceIndexes } from '../../src/course/quiz.js';
test('smoke', () => {
  const { pack } = readPack(process.env.PACK!);
  for (const l of pack.lessons) {
    for (const e of l.exercises) {
      for (const which of ['starter', 'solution'] as const) {
        const t0 = performance.now();
        const r = checkManifestAgainst(e, readFileSync(e[which], 'utf8'), e[which]);
        const ms = (performance.now() - t0).toFixed(1);
        console.log(`${e.id} ${which}: ${r.status} ${r.summary} ${ms}ms ${r.problems.filter(p=>p.severity==='error').map(p=>p.message).join('|')}`);
        if (which === 'solution' && r.status !== 'passed') for (const c of r.checks.filter(c => !c.passed)) console.log('   ✗', c.title, '|', c.observed);
      }
    }
    for (const q of l.quiz?.questions ?? []) {
      if (q.type !== 'predict') continue;
      try { const p = predictAnswer(q); const idx = predictChoiceIndexes(q); console.log(`  predict ${q.id}: ${p.display} choices=${JSON.stringify(q.choices)} match=${JSON.stringify(idx)}`); }
      catch (err) { console.log(`  predict ${q.id}: ERROR ${(err as Error).message}`); }
    }
  }
});
