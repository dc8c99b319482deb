import type { ParseArgsConfig } from 'node:util';
import type { CliIO } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  io: CliIO;
  /** Parsed options of this command (global ones included). */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** A command's module, loaded only when the command runs (loaders.ts), so start-up stays fast. */
export interface CommandModule {
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** One line after the program name, e.g. `simulate MANIFEST.yaml [...]`. */
  usage: string;
  /** Option lines shown by `--help`, already formatted. */
  optionHelp: string[];
  options: Options;
  maxPositionals: number;
}

/** Options every command accepts. */
export const globalOptions: Options = {
  help: { type: 'boolean', short: 'h' },
  lessons: { type: 'string' },
  'with-builtin': { type: 'boolean' },
  workspace: { type: 'string' },
};

export const globalOptionHelp = [
  '-h, --help            show help for the program or a command',
  '--lessons DIR         use the lesson pack in DIR (or set it in .k8s-workloads-course.json)',
  '--with-builtin        run the built-in lessons first, then the --lessons pack',
  '--workspace DIR       where exercise files live (default ./k8s-workloads-course, or $K8S_COURSE_WORKSPACE)',
];

const json = { json: { type: 'boolean' } } as const;

export const commands: CommandSpec[] = [
  {
    name: 'course',
    summary: 'start the course (the default command)',
    usage: 'k8s-workloads-course [course] [--plain]',
    optionHelp: ['--plain               line-mode course (automatic when not on an interactive terminal)'],
    options: { plain: { type: 'boolean' } },
    maxPositionals: 0,
  },
  {
    name: 'simulate',
    summary: 'apply manifests to a simulated cluster, play a scenario, print the result',
    usage: 'k8s-workloads-course simulate MANIFEST.yaml [MANIFEST.yaml ...] [--scenario SCENARIO.yaml] [-o table|json|events] [--seed N]',
    optionHelp: [
      '--scenario FILE       scenario to play (nodes, pod behaviour, steps)',
      '-o, --output FORMAT   table (default), json or events',
      '--seed N              seed for generated names (default: a fixed seed)',
      '--no-advice           hide advice (warnings) about the manifests',
    ],
    options: {
      scenario: { type: 'string' },
      output: { type: 'string', short: 'o' },
      seed: { type: 'string' },
      'no-advice': { type: 'boolean' },
    },
    maxPositionals: Infinity,
  },
  {
    name: 'check',
    summary: "check a manifest against an exercise's checks",
    usage: 'k8s-workloads-course check [FILE] [--exercise ID] [--watch] [--json]',
    optionHelp: [
      '--exercise ID         the exercise to check against (default: inferred from the file name)',
      '--watch               re-check every time the file is saved',
      '--json                machine-readable result',
    ],
    options: { exercise: { type: 'string' }, watch: { type: 'boolean' }, ...json },
    maxPositionals: 1,
  },
  {
    name: 'list',
    summary: 'list lessons and exercises with your progress',
    usage: 'k8s-workloads-course list [--json]',
    optionHelp: ['--json                machine-readable list'],
    options: { ...json },
    maxPositionals: 0,
  },
  {
    name: 'quiz',
    summary: "take a lesson's quiz",
    usage: 'k8s-workloads-course quiz [LESSON]',
    optionHelp: [],
    options: {},
    maxPositionals: 1,
  },
  {
    name: 'progress',
    summary: 'show or reset your progress',
    usage: 'k8s-workloads-course progress [--json] [--reset]',
    optionHelp: ['--json                machine-readable progress', '--reset               forget all progress (asks first on a terminal)'],
    options: { ...json, reset: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } },
    maxPositionals: 0,
  },
  {
    name: 'lint',
    summary: 'check a lesson pack for mistakes (instructors)',
    usage: 'k8s-workloads-course lint [DIR] [--json]',
    optionHelp: ['--json                machine-readable problems'],
    options: { ...json },
    maxPositionals: 1,
  },
  {
    name: 'new',
    summary: 'scaffold a lesson or an exercise (instructors)',
    usage: 'k8s-workloads-course new lesson <slug> | new exercise <lesson> <slug> [--dir DIR]',
    optionHelp: ['--dir DIR             the lesson pack to add to (default ./lessons)'],
    options: { dir: { type: 'string' } },
    maxPositionals: 3,
  },
  {
    name: 'preview',
    summary: 'render a lesson or exercise as learners see it (instructors)',
    usage: 'k8s-workloads-course preview LESSON[/EXERCISE] [--watch]',
    optionHelp: ['--watch               re-render every time a file of the lesson is saved'],
    options: { watch: { type: 'boolean' } },
    maxPositionals: 1,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return commands.find((c) => c.name === name);
}
