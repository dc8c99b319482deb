/**
 * Public data types of the course engine. Front-end neutral: the TUI and the line-mode CLI both render
 * these; nothing here knows about terminals beyond "text already sanitised for display".
 */
import type { KubeObject } from '../runtime/api/types.js';
import type { TimelineEntry } from '../runtime/timeline.js';
import { sanitizeForTerminal } from '../runtime/yaml/sanitize.js';

/** A problem found in a pack or a learner's file, lint-style: where, what, how to fix. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the pack root (pack problems) or as given by the user (manifest problems). */
  file: string;
  line?: number;
  column?: number;
  /** Field path inside the document, e.g. `checks[2].select.kind`. */
  path?: string;
  message: string;
  /** How to fix it (manifest problems from the validator carry one). */
  hint?: string;
  /** Stable identifier of the validator rule, e.g. `unknown-field`. */
  rule?: string;
  kind?: string;
  name?: string;
}

/**
 * `file:line:column: severity: path: message`, the form lint and loaders print (hint on its own line).
 * Safe for a terminal: names from a pack or a learner's file may carry escape sequences.
 */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
  const text = `${where}: ${p.severity}: ${p.path ? p.path + ': ' : ''}${p.message}` + (p.hint ? `\n  ${p.hint}` : '');
  return sanitizeForTerminal(text);
}

// ---------------------------------------------------------------------------------------------------
// Pack, lessons, exercises

export interface Pack {
  /** Identity used to key progress: `builtin`, the `id` of pack.yaml, or `dir:<real path>`. */
  id: string;
  title: string;
  /** Absolute real path of the pack's root folder. */
  dir: string;
  builtin: boolean;
  lessons: Lesson[];
  /** Warnings found while loading (errors make loading fail). */
  warnings: Problem[];
}

export interface LessonExample {
  title: string;
  /** Absolute path of the manifest file (inside the pack). */
  manifest: string;
  /** Absolute path of the scenario file, if any. */
  scenario?: string;
}

export interface Lesson {
  id: string;
  /** The pack it comes from: progress is kept per pack, also when packs run together. */
  packId: string;
  title: string;
  summary: string;
  objectives: string[];
  minutes: number;
  /** Folder name, e.g. `02-deployments`; its numeric prefix orders the lessons. */
  folder: string;
  /** Absolute path of the lesson folder. */
  dir: string;
  /** Markdown body (front matter removed), control characters and escape sequences neutralised. */
  markdown: string;
  /** 1-based line of lesson.md where `markdown` starts (for file:line in previews and lint). */
  bodyLine: number;
  examples: LessonExample[];
  quiz?: Quiz;
  exercises: Exercise[];
}

export interface Exercise {
  id: string;
  lessonId: string;
  /** The pack it comes from (see Lesson.packId). */
  packId: string;
  title: string;
  difficulty: 1 | 2 | 3;
  /** Markdown task statement. */
  task: string;
  hints: string[];
  /** Absolute path of the exercise folder. */
  dir: string;
  /** Absolute paths of starter.yaml and solution.yaml in the pack. */
  starter: string;
  solution: string;
  /** The exercise's scenario mapping in the `simulate` vocabulary, as written (parsed when checking). */
  scenario: unknown;
  /** Files of the exercise folder a scenario `apply:` step may name, keyed by their relative path. */
  files: Readonly<Record<string, string>>;
  checks: Check[];
}

// ---------------------------------------------------------------------------------------------------
// Selections, comparators, checks (see /work/brief/course-format.md, docs/AUTHORING.md)

export type Scalar = string | number | boolean | null;

export type Comparator =
  | { op: 'eq'; value: unknown }
  | { op: 'range'; min?: number; max?: number }
  | { op: 'oneOf'; values: unknown[] }
  | { op: 'not'; value: unknown }
  | { op: 'exists'; value: boolean }
  | { op: 'contains'; value: unknown }
  | { op: 'matches'; pattern: string };

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface Selection {
  kind: string;
  name?: string;
  names?: string[];
  namePrefix?: string;
  namespace?: string;
  selector?: LabelSelectorSpec;
  ownedBy?: { kind: string; name: string };
  /** Conditions keyed by shorthand (`phase`, `ready`, …) or dotted field path. */
  where?: Record<string, Comparator>;
}

export interface CountRange {
  min?: number;
  max?: number;
}

export type ObjectState =
  | 'Created'
  | 'Scheduled'
  | 'Running'
  | 'Ready'
  | 'Succeeded'
  | 'Failed'
  | 'Deleted'
  | 'Complete';

export interface OrderStep {
  select: Selection;
  state: ObjectState | { where: Record<string, Comparator> };
}

export type Expectation =
  | { type: 'count'; range: CountRange }
  | { type: 'fields'; fields: Record<string, Comparator> }
  | { type: 'names'; names: string[] }
  | { type: 'perNode'; count: number; nodes?: { selector?: LabelSelectorSpec; names?: string[] }; elsewhere?: number }
  | {
      type: 'event';
      reason: string;
      object?: { kind: string; name?: string; namePrefix?: string };
      messageContains?: string;
      count: CountRange;
    }
  | { type: 'order'; steps: OrderStep[] };

export type When = 'end' | 'always' | 'ever';

export interface Check {
  /** Title shown to the learner (generated from the check when the author gave none). */
  title: string;
  /** Absent for `event` and `order` checks. */
  select?: Selection;
  expect: Expectation;
  when: When;
  /** 1-based scenario step numbers bounding `always`/`ever`. */
  during?: { fromStep?: number; toStep?: number };
  /** Where the check is written (pack-relative file and line), for lint and previews. */
  source: { file: string; line?: number };
}

// ---------------------------------------------------------------------------------------------------
// Results of checking (engine → UIs)

/** A kubectl-style table of objects of one kind. Cells are plain strings, already sanitised. */
export interface ObjectTable {
  kind: string;
  columns: string[];
  rows: string[][];
}

/** An event as the runtime lists it (`SimEvent`). */
export interface CourseEvent {
  time: number;
  type: 'Normal' | 'Warning';
  reason: string;
  involvedObject: { kind: string; name: string; namespace?: string };
  message: string;
  source?: string;
  /** In explanations: how many identical events this one stands for (repeated back-offs…). */
  count?: number;
}

export interface CheckOutcome {
  title: string;
  passed: boolean;
  /** What the check wants, in plain words: "exactly 3 Pods with app=web, phase Running, Ready". */
  expected: string;
  /** What happened, in plain words: "2 matched at the end (web-x… is Pending)". */
  observed: string;
  /** Virtual time (ms) of the instant that decided the outcome (a violation, or the end). */
  at?: number;
  /** The relevant objects at that instant. */
  tables: ObjectTable[];
  /** Events that explain the outcome (involving the selected objects or their owners), in order. */
  events: CourseEvent[];
  source: { file: string; line?: number };
}

/** A change recorded by the runtime (immutable object snapshot, virtual time, order). */
export type TimelineEntryLike = TimelineEntry;

/** A Kubernetes object as the runtime stores it. */
export type KubeLike = KubeObject;

/** What the simulation produced, kept for replay (the runtime's SimulationResult, as the course sees it). */
export interface SimulationRecord {
  clock: string;
  start: number;
  items: KubeLike[];
  events: CourseEvent[];
  timeline: TimelineEntryLike[];
  steps: { index: number; time: number; description: string }[];
  capped?: string;
}

export interface CheckResult {
  exerciseId: string;
  /** `invalid`: the manifest did not validate (see `problems`); `error`: the scenario could not run. */
  status: 'passed' | 'failed' | 'invalid' | 'error';
  /** Validation problems of the learner's manifest (errors and advice warnings). */
  problems: Problem[];
  checks: CheckOutcome[];
  /** The whole run, for the UI to replay; absent when the manifest was invalid. */
  simulation?: SimulationRecord;
  /** One-line summary: "3 of 4 checks passed". */
  summary: string;
}

// ---------------------------------------------------------------------------------------------------
// Quizzes

interface QuestionBase {
  id: string;
  prompt: string;
  explanation: string;
  source: { file: string; line?: number };
}

export type Question =
  | (QuestionBase & { type: 'single'; choices: string[]; answer: number })
  | (QuestionBase & { type: 'multiple'; choices: string[]; answers: number[] })
  | (QuestionBase & { type: 'truefalse'; answer: boolean })
  | (QuestionBase & { type: 'order'; items: string[] })
  | (QuestionBase & {
      type: 'predict';
      /** Absolute path of the manifest, and its text (loaded with the pack). */
      manifest: string;
      manifestText: string;
      /** Scenario mapping (inline or loaded from the named file). */
      scenario: unknown;
      scenarioFiles: Readonly<Record<string, string>>;
      ask: PredictAsk;
      choices?: string[];
    });

export type PredictAsk = (
  | { type: 'count'; select: Selection }
  | { type: 'field'; select: Selection; path: string }
  | { type: 'names'; select: Selection }
  | { type: 'maxCount'; select: Selection }
  | { type: 'minCount'; select: Selection }
) & {
  /** maxCount/minCount only: limit to the time between two scenario steps (1-based). */
  during?: { fromStep?: number; toStep?: number };
};

export interface Quiz {
  lessonId: string;
  questions: Question[];
}

export type Answer =
  | { type: 'single'; index: number }
  | { type: 'multiple'; indexes: number[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'order'; items: string[] }
  /** For predict questions: the chosen choice's index, or a free value (number, string, names). */
  | { type: 'predict'; index?: number; value?: string | number | string[] };

export interface AnswerResult {
  correct: boolean;
  /** The correct answer in words, e.g. "2" or "The ReplicaSet controller" or "db-0, db-1, db-2". */
  correctAnswer: string;
  explanation: string;
}

export interface PredictResult {
  /** Computed by the runtime: a number (count), a value (field) or sorted names. */
  value: number | string | boolean | null | string[];
  display: string;
  simulation: SimulationRecord;
}

// ---------------------------------------------------------------------------------------------------
// Course map and progress

export type ExerciseStatus = 'todo' | 'attempted' | 'passed';

export interface CourseMap {
  packId: string;
  packTitle: string;
  lessons: {
    id: string;
    /** The pack the lesson comes from; its progress is kept under this id. */
    packId: string;
    title: string;
    summary: string;
    minutes: number;
    read: boolean;
    quiz?: { questions: number; best?: number; lastScore?: number };
    exercises: {
      id: string;
      lessonId: string;
      title: string;
      difficulty: 1 | 2 | 3;
      status: ExerciseStatus;
      attempts: number;
      hintsUsed: number;
      starter: string;
      solution: string;
    }[];
    /** Every exercise passed and, if there is a quiz, taken. */
    complete: boolean;
  }[];
  totals: { lessons: number; lessonsRead: number; exercises: number; exercisesPassed: number };
}
