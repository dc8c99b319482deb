/**
 * Loads a lesson pack (see /work/brief/course-format.md and docs/AUTHORING.md) into typed data.
 * A pack is untrusted: no code in it ever runs, its paths are confined to it, sizes are bounded, text is
 * neutralised for the terminal. A malformed pack yields lint-style problems (file:line) — `loadPack`
 * refuses it whole rather than handing out half a course.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Exercise, Lesson, LessonExample, Pack, Problem, Question, Quiz } from '../types.js';
import { formatProblem } from '../types.js';
import { parseAsk, parseCheck } from './checks.js';
import { ID_PATTERN, ID_RULE, Reader, type Obj } from './fields.js';
import { PACK_LIMITS, PackFiles } from './files.js';
import { splitFrontMatter } from './frontmatter.js';
import { checkScenario, loadScenarioFiles } from './scenario-files.js';
import { sanitizeText } from './text.js';
import { builtinPackDir } from './builtin-dir.js';

export { builtinPackDir };
import { parsePackYaml, type PathPart } from './yaml.js';
import { ownEntry } from '../../util/own.js';

export { PACK_LIMITS };

export interface PackReadResult {
  /** Everything that could be read (for lint); complete only when `problems` has no error. */
  pack: Pack;
  problems: Problem[];
}

export class PackError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: Problem[],
  ) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`the lesson pack in ${dir} has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n` + errors.slice(0, 20).map((p) => '  ' + formatProblem(p)).join('\n') + (errors.length > 20 ? `\n  … and ${errors.length - 20} more (run 'k8s-workloads-course lint ${dir}')` : ''));
  }
}


/** The pack to run: `--lessons DIR` (relative to cwd) or the built-in one. Throws PackError if broken. */
export function loadCoursePack(opts: { lessons?: string; cwd: string; scope?: PackLoadOptions['scope'] | undefined }): Pack {
  const scope = opts.scope ?? 'all';
  return opts.lessons ? loadPack(resolve(opts.cwd, opts.lessons), { scope }) : loadPack(builtinPackDir(), { builtin: true, scope });
}

export interface PackLoadOptions {
  builtin?: boolean;
  /**
   * 'all' (default): every file, scenarios validated. 'exercises': lessons and exercises only — quizzes
   * are not read and scenarios are validated when run. `{ exercise: id }`: only that exercise and its
   * lesson (found by a quick scan of the `id:` lines, folders named after the id first — see
   * exerciseDirsDeclaring; empty if the scan finds none). The last two are for `check`, whose
   * start-up time matters; neither is a course to show a learner.
   */
  scope?: 'all' | 'exercises' | { exercise: string };
}

/** Loads a complete, valid pack or throws PackError listing every error. */
export function loadPack(dir: string, opts: PackLoadOptions = {}): Pack {
  const { pack, problems } = readPack(dir, opts);
  if (problems.some((p) => p.severity === 'error')) throw new PackError(dir, problems);
  return pack;
}

/** Reads as much of a pack as possible and reports every problem; never throws for bad content. */
export function readPack(dir: string, opts: PackLoadOptions = {}): PackReadResult {
  const problems: Problem[] = [];
  let root: string;
  try {
    root = realpathSync.native(dir);
    if (!statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    problems.push({ severity: 'error', file: dir, message: 'no lesson pack here: the folder does not exist or is not a folder' });
    return { pack: emptyPack(resolve(dir), opts.builtin ?? false), problems };
  }
  const scope = opts.scope ?? 'all';
  const files = new PackFiles(root, scope !== 'all', typeof scope === 'object' ? scope.exercise : undefined);
  const pack = emptyPack(root, opts.builtin ?? false);
  readPackMeta(files, pack, problems);
  const folders = files.folders(root).filter((name) => {
    const isLesson = /^\d+[-_]/.test(name);
    if (!isLesson && existsSync(join(root, name, 'lesson.md'))) problems.push({ severity: 'error', file: `${name}/lesson.md`, message: `lesson folder '${name}' needs a numeric prefix that orders it, e.g. 03-${name}` });
    return isLesson;
  });
  const only = files.only === undefined ? undefined : exerciseDirsDeclaring(files, root, folders, files.only);
  if (only) folders.splice(0, folders.length, ...folders.filter((f) => [...only].some((d) => dirname(dirname(d)) === join(root, f))));
  else if (folders.length === 0) problems.push({ severity: 'error', file: '.', message: 'the pack has no lessons: add a folder such as 01-intro/ with a lesson.md' });
  if (folders.length > PACK_LIMITS.lessons) problems.push({ severity: 'error', file: '.', message: `the pack has ${folders.length} lessons; at most ${PACK_LIMITS.lessons} are allowed` });
  for (const folder of sortByPrefix(folders).slice(0, PACK_LIMITS.lessons)) {
    const lesson = readLesson(files, join(root, folder), folder, pack.id, problems, only);
    if (lesson) pack.lessons.push(lesson);
  }
  checkUniqueIds(pack, problems);
  pack.warnings = problems.filter((p) => p.severity === 'warning');
  return { pack, problems };
}

function emptyPack(dir: string, builtin: boolean): Pack {
  return { id: builtin ? 'builtin' : `dir:${dir}`, title: builtin ? 'Kubernetes workload resources' : sanitizeText(basename(dir)), dir, builtin, lessons: [], warnings: [] };
}

/** Optional pack.yaml: `id` (stable identity for progress, survives moving the folder) and `title`. */
function readPackMeta(files: PackFiles, pack: Pack, problems: Problem[]): void {
  const path = join(files.root, 'pack.yaml');
  if (!existsSync(path)) return;
  const r = yamlReader(files, path, problems);
  const obj = r && r.object(r.source.data, [], 'pack.yaml');
  if (!r || !obj) return;
  r.keys(obj, [], ['id', 'title'], 'pack.yaml');
  const id = r.string(obj, 'id', [], { pattern: ID_PATTERN, patternText: ID_RULE });
  const title = r.string(obj, 'title', []);
  if (id === 'builtin' && !pack.builtin) r.error(['id'], "'builtin' is reserved for the built-in lessons");
  else if (id && !pack.builtin) pack.id = `pack:${id}`;
  if (title) pack.title = title;
}

function sortByPrefix(names: string[]): string[] {
  const prefix = (n: string) => Number(/^\d+/.exec(n)![0]);
  return [...names].sort((a, b) => prefix(a) - prefix(b) || a.localeCompare(b));
}

function yamlReader(files: PackFiles, path: string, problems: Problem[], text?: string, lineOffset = 0): Reader | undefined {
  let content = text;
  if (content === undefined) {
    const read = files.read(path);
    if (!read.ok) {
      problems.push(read.problem);
      return undefined;
    }
    content = read.text;
  }
  const parsed = parsePackYaml(content, files.rel(path), lineOffset);
  problems.push(...parsed.problems);
  return parsed.source && new Reader(parsed.source, problems);
}

const LESSON_KEYS = ['id', 'title', 'summary', 'objectives', 'minutes', 'examples'];

/** `only`: the exercise folders to read (scope `{ exercise: id }`); all when undefined. */
function readLesson(files: PackFiles, dir: string, folder: string, packId: string, problems: Problem[], only?: Set<string>): Lesson | undefined {
  const mdPath = join(dir, 'lesson.md');
  const rel = files.rel(mdPath);
  if (!existsSync(mdPath)) {
    problems.push({ severity: 'error', file: `${folder}/`, message: 'a lesson folder needs a lesson.md' });
    return undefined;
  }
  const read = files.read(mdPath);
  if (!read.ok) return void problems.push(read.problem);
  const fm = splitFrontMatter(read.text.replace(/\r\n?/g, '\n'));
  if (!fm) return void problems.push({ severity: 'error', file: rel, line: 1, message: "lesson.md must start with front matter: a line '---', YAML fields (id, title, summary, objectives, minutes), and a closing '---'" });
  const r = yamlReader(files, mdPath, problems, fm.yaml, fm.yamlLine - 1);
  const obj = r?.object(r.source.data, [], 'the front matter');
  if (!r || !obj) return undefined;
  r.keys(obj, [], LESSON_KEYS, 'the front matter');
  const id = r.string(obj, 'id', [], { required: true, pattern: ID_PATTERN, patternText: ID_RULE });
  const title = r.string(obj, 'title', [], { required: true });
  const summary = r.string(obj, 'summary', [], { required: true });
  const objectives = r.stringList(obj, 'objectives', [], { required: true, nonEmpty: true });
  const minutes = r.number(obj, 'minutes', [], { required: true, min: 1, max: 600 });
  const examples = readExamples(files, r, obj, dir);
  if (!fm.body.trim()) problems.push({ severity: 'error', file: rel, line: fm.bodyLine, message: 'the lesson has no text after the front matter' });
  if (id === undefined || title === undefined || summary === undefined || !objectives || minutes === undefined) return undefined;
  const lesson: Lesson = { id, packId, title, summary, objectives, minutes, folder, dir, markdown: sanitizeText(fm.body), bodyLine: fm.bodyLine, examples, exercises: [] };
  const quiz = files.partial ? undefined : readQuiz(files, lesson, problems);
  if (quiz) lesson.quiz = quiz;
  lesson.exercises = readExercises(files, lesson, problems, only);
  return lesson;
}

function readExamples(files: PackFiles, r: Reader, obj: Obj, dir: string): LessonExample[] {
  if (obj.examples === undefined) return [];
  if (!Array.isArray(obj.examples)) return r.error(['examples'], "'examples' must be a list of { title, manifest, scenario }") ?? [];
  const out: LessonExample[] = [];
  obj.examples.forEach((item, i) => {
    const p: PathPart[] = ['examples', i];
    const e = r.object(item, p, 'an example');
    if (!e) return;
    r.keys(e, p, ['title', 'manifest', 'scenario'], 'an example');
    const title = r.string(e, 'title', p, { required: true });
    const manifest = refPath(files, r, e, 'manifest', p, dir, true);
    const scenario = refPath(files, r, e, 'scenario', p, dir, false);
    if (title !== undefined && manifest) out.push({ title, manifest, ...(scenario ? { scenario } : {}) });
  });
  return out;
}

/** A pack-relative file reference that must exist inside the pack. */
function refPath(files: PackFiles, r: Reader, obj: Obj, key: string, path: PathPart[], dir: string, required: boolean): string | undefined {
  const ref = r.string(obj, key, path, { required });
  if (ref === undefined) return undefined;
  const resolved = files.resolveRef(dir, ref, r.file);
  if (!resolved.ok) return void r.problems.push({ ...resolved.problem, line: r.line([...path, key]) });
  return resolved.path;
}

const QUESTION_KEYS: Record<string, string[]> = {
  single: ['choices', 'answer'],
  multiple: ['choices', 'answers'],
  truefalse: ['answer'],
  order: ['items'],
  predict: ['manifest', 'scenario', 'ask', 'choices'],
};

function readQuiz(files: PackFiles, lesson: Lesson, problems: Problem[]): Quiz | undefined {
  const path = join(lesson.dir, 'quiz.yaml');
  if (!existsSync(path)) return undefined;
  const r = yamlReader(files, path, problems);
  const obj = r?.object(r.source.data, [], 'quiz.yaml');
  if (!r || !obj) return undefined;
  r.keys(obj, [], ['questions'], 'quiz.yaml');
  if (!Array.isArray(obj.questions) || obj.questions.length === 0) return r.error(['questions'], "quiz.yaml needs a non-empty list 'questions'");
  const questions: Question[] = [];
  const ids = new Set<string>();
  obj.questions.forEach((item, i) => {
    const q = readQuestion(files, r, item, ['questions', i], lesson);
    if (!q) return;
    if (ids.has(q.id)) r.error(['questions', i, 'id'], `question id '${q.id}' is used twice in this quiz`);
    ids.add(q.id);
    questions.push(q);
  });
  return questions.length === obj.questions.length ? { lessonId: lesson.id, questions } : undefined;
}

function readQuestion(files: PackFiles, r: Reader, item: unknown, p: PathPart[], lesson: Lesson): Question | undefined {
  const q = r.object(item, p, 'a question');
  if (!q) return undefined;
  const type = r.string(q, 'type', p, { required: true });
  if (type === undefined) return undefined;
  const own = ownEntry(QUESTION_KEYS, type);
  if (!own) return r.error([...p, 'type'], `unknown question type '${type}'; one of ${Object.keys(QUESTION_KEYS).join(', ')}`);
  r.keys(q, p, ['id', 'type', 'prompt', 'explanation', ...own], `a ${type} question`);
  const id = r.string(q, 'id', p, { required: true, pattern: ID_PATTERN, patternText: ID_RULE });
  const prompt = r.string(q, 'prompt', p, { required: true });
  const explanation = r.string(q, 'explanation', p, { required: true });
  if (id === undefined || prompt === undefined || explanation === undefined) return undefined;
  const base = { id, prompt, explanation, source: { file: r.file, line: r.line(p) } };
  switch (type) {
    case 'single': {
      const choices = r.stringList(q, 'choices', p, { required: true, nonEmpty: true });
      const answer = choices && r.number(q, 'answer', p, { required: true, integer: true, min: 0, max: choices.length - 1 });
      return choices && answer !== undefined ? { ...base, type, choices, answer } : undefined;
    }
    case 'multiple': {
      const choices = r.stringList(q, 'choices', p, { required: true, nonEmpty: true });
      const answers = q.answers;
      if (!choices) return undefined;
      if (!Array.isArray(answers) || answers.length === 0 || answers.some((a) => typeof a !== 'number' || !Number.isInteger(a) || a < 0 || a >= choices.length) || new Set(answers).size !== answers.length) {
        return r.error([...p, 'answers'], `'answers' must list distinct choice indexes from 0 to ${choices.length - 1}`);
      }
      return { ...base, type, choices, answers: [...(answers as number[])].sort((a, b) => a - b) };
    }
    case 'truefalse':
      return typeof q.answer === 'boolean' ? { ...base, type, answer: q.answer } : r.error([...p, 'answer'], "'answer' must be true or false");
    case 'order': {
      const items = r.stringList(q, 'items', p, { required: true });
      if (items && items.length < 2) return r.error([...p, 'items'], "'items' needs at least two items, in the correct order");
      if (items && new Set(items).size !== items.length) return r.error([...p, 'items'], "'items' must be distinct");
      return items && { ...base, type, items };
    }
    default:
      return readPredict(files, r, q, p, lesson, base);
  }
}

function readPredict(files: PackFiles, r: Reader, q: Obj, p: PathPart[], lesson: Lesson, base: { id: string; prompt: string; explanation: string; source: { file: string; line?: number } }): Question | undefined {
  const manifest = refPath(files, r, q, 'manifest', p, lesson.dir, true);
  const manifestRead = manifest ? files.read(manifest) : undefined;
  if (manifestRead && !manifestRead.ok) r.problems.push(manifestRead.problem);
  let scenario: unknown;
  let scenarioFiles: Record<string, string> = {};
  if (typeof q.scenario === 'string') {
    const path = refPath(files, r, q, 'scenario', p, lesson.dir, true);
    const sr = path ? yamlReader(files, path, r.problems) : undefined;
    if (path && sr) {
      scenario = sr.source.data;
      scenarioFiles = loadScenarioFiles(files, scenario, dirname(path), sr.source, [], r.problems);
      checkScenario(scenario, sr.source, [], r.problems);
    }
  } else if (q.scenario !== undefined) {
    scenario = r.object(q.scenario, [...p, 'scenario'], "'scenario'");
    if (scenario) {
      scenarioFiles = loadScenarioFiles(files, scenario, lesson.dir, r.source, [...p, 'scenario'], r.problems);
      checkScenario(scenario, r.source, [...p, 'scenario'], r.problems);
    }
  }
  const ask = q.ask === undefined ? r.error(p, "a predict question needs 'ask'") : parseAsk(r, q.ask, [...p, 'ask']);
  const choices = r.stringList(q, 'choices', p, { nonEmpty: true });
  if (!manifest || !manifestRead?.ok || !ask || (q.scenario !== undefined && !scenario)) return undefined;
  return { ...base, type: 'predict', manifest, manifestText: manifestRead.text, scenario: scenario ?? {}, scenarioFiles, ask, ...(choices ? { choices } : {}) };
}

const EXERCISE_KEYS = ['id', 'title', 'difficulty', 'task', 'hints', 'scenario', 'checks'];

function readExercises(files: PackFiles, lesson: Lesson, problems: Problem[], only?: Set<string>): Exercise[] {
  const dir = join(lesson.dir, 'exercises');
  if (!existsSync(dir)) return [];
  const folders = exerciseFolders(files, lesson.dir, problems).filter((name) => !only || only.has(join(dir, name)));
  if (folders.length > PACK_LIMITS.exercisesPerLesson) problems.push({ severity: 'error', file: files.rel(dir) + '/', message: `at most ${PACK_LIMITS.exercisesPerLesson} exercises per lesson` });
  const out: Exercise[] = [];
  for (const folder of sortByPrefix(folders).slice(0, PACK_LIMITS.exercisesPerLesson)) {
    const e = readExercise(files, join(dir, folder), lesson, problems);
    if (e) out.push(e);
  }
  return out;
}

/** Exercise folders of a lesson (with a numeric prefix; the others are problems). */
function exerciseFolders(files: PackFiles, lessonDir: string, problems: Problem[], accept?: (name: string) => boolean): string[] {
  const dir = join(lessonDir, 'exercises');
  return files.folders(dir, accept).filter((name) => {
    if (/^\d+[-_]/.test(name)) return true;
    problems.push({ severity: 'error', file: files.rel(join(dir, name)) + '/', message: `exercise folder '${name}' needs a numeric prefix that orders it, e.g. 01-${name}` });
    return false;
  });
}

/**
 * The exercise folders (absolute) whose exercise.yaml declares `id`. Folders are named `<n>-<id>`
 * by convention (`new exercise` scaffolds them so): those are read first, and every exercise.yaml
 * only when none of them declares the id — `check` starts without reading the whole pack.
 */
function exerciseDirsDeclaring(files: PackFiles, root: string, lessonFolders: string[], id: string): Set<string> {
  const named = (name: string): boolean => name.replace(/^\d+[-_]/, '') === id;
  for (const accept of [named, undefined]) {
    const found = new Set<string>();
    for (const lesson of lessonFolders) {
      const dir = join(root, lesson, 'exercises');
      for (const name of exerciseFolders(files, join(root, lesson), [], accept)) if (declaredId(files, join(dir, name, 'exercise.yaml')) === id) found.add(join(dir, name));
    }
    if (found.size > 0) return found;
  }
  return new Set();
}

/** The `id:` an exercise.yaml declares, read with a regular expression instead of a YAML parse (fast). */
function declaredId(files: PackFiles, path: string): string | undefined {
  const read = existsSync(path) ? files.read(path) : undefined;
  return read?.ok ? /^id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?$/m.exec(read.text)?.[1] : undefined;
}

function readExercise(files: PackFiles, dir: string, lesson: Lesson, problems: Problem[]): Exercise | undefined {
  const path = join(dir, 'exercise.yaml');
  if (!existsSync(path)) return void problems.push({ severity: 'error', file: files.rel(dir) + '/', message: 'an exercise folder needs exercise.yaml, starter.yaml and solution.yaml' });
  const r = yamlReader(files, path, problems);
  const obj = r?.object(r.source.data, [], 'exercise.yaml');
  if (!r || !obj) return undefined;
  r.keys(obj, [], EXERCISE_KEYS, 'exercise.yaml');
  const id = r.string(obj, 'id', [], { required: true, pattern: ID_PATTERN, patternText: ID_RULE });
  const title = r.string(obj, 'title', [], { required: true });
  const difficulty = r.number(obj, 'difficulty', [], { required: true, integer: true, min: 1, max: 3 }) as 1 | 2 | 3 | undefined;
  const task = r.string(obj, 'task', [], { required: true });
  const hints = r.stringList(obj, 'hints', []) ?? [];
  const scenario = obj.scenario === undefined ? {} : r.object(obj.scenario, ['scenario'], "'scenario'");
  const scenarioFiles = scenario ? loadScenarioFiles(files, scenario, dir, r.source, ['scenario'], problems) : {};
  if (scenario && !files.partial) checkScenario(scenario, r.source, ['scenario'], problems);
  const checks = Array.isArray(obj.checks) && obj.checks.length > 0 ? obj.checks.map((c, i) => parseCheck(r, c, ['checks', i])) : r.error(['checks'], "an exercise needs a non-empty list 'checks'");
  const starter = requiredFile(files, dir, 'starter.yaml', problems);
  const solution = requiredFile(files, dir, 'solution.yaml', problems);
  if (id === undefined || title === undefined || difficulty === undefined || task === undefined || !scenario || !checks || checks.some((c) => !c) || !starter || !solution) return undefined;
  return { id, lessonId: lesson.id, packId: lesson.packId, title, difficulty, task, hints, dir, starter, solution, scenario, files: scenarioFiles, checks: checks as Exercise['checks'] };
}

function requiredFile(files: PackFiles, dir: string, name: string, problems: Problem[]): string | undefined {
  const path = join(dir, name);
  const read = existsSync(path) ? files.read(path) : undefined;
  if (!read) return void problems.push({ severity: 'error', file: files.rel(path), message: `missing: an exercise needs ${name}` });
  if (!read.ok) return void problems.push(read.problem);
  return path;
}

function checkUniqueIds(pack: Pack, problems: Problem[]): void {
  const lessons = new Map<string, string>();
  const exercises = new Map<string, string>();
  for (const l of pack.lessons) {
    const prev = lessons.get(l.id);
    if (prev) problems.push({ severity: 'error', file: `${l.folder}/lesson.md`, line: 2, message: `lesson id '${l.id}' is already used by ${prev}` });
    lessons.set(l.id, `${l.folder}/lesson.md`);
    for (const e of l.exercises) {
      const here = `${l.folder}/exercises/${e.dir.split(/[\\/]/).pop()}/exercise.yaml`;
      const prevE = exercises.get(e.id);
      if (prevE) problems.push({ severity: 'error', file: here, message: `exercise id '${e.id}' is already used by ${prevE}` });
      exercises.set(e.id, here);
    }
  }
}

