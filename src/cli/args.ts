import { parseArgs } from 'node:util';
import { closest } from '../util/suggest.js';
import { UsageError } from './io.js';
import { globalOptions, type CommandSpec } from './registry.js';

export interface ParsedCommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments strictly; unknown options and extra arguments are usage errors. */
export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedCommandLine {
  const options = { ...globalOptions, ...spec.options };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(describeParseError(err, Object.keys(options)), spec.name);
  }
  if (parsed.positionals.length > spec.maxPositionals) {
    const extra = parsed.positionals[spec.maxPositionals];
    throw new UsageError(`unexpected argument '${extra}'`, spec.name);
  }
  return { values: parsed.values as ParsedCommandLine['values'], positionals: parsed.positionals };
}

function describeParseError(err: unknown, known: string[]): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
  if (unknown) {
    const name = unknown[1]!.replace(/^-+/, '');
    const near = closest(name, known);
    return `unknown option '${unknown[1]}'` + (near ? ` (did you mean '--${near}'?)` : '');
  }
  const missing = /Option '(.+?)' argument missing/.exec(message);
  if (missing) return `option '${missing[1]!.split(',').pop()!.trim().replace(/ <value>$/, '')}' needs a value`;
  return message.split('\n')[0]!;
}
