import { parseArgs } from 'node:util';
import { UsageError } from './io.js';
import { globalOptions, type CommandSpec } from './registry.js';

export interface ParsedCommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments strictly; unknown options and extra arguments are usage errors. */
export async function parseCommandArgs(spec: CommandSpec, argv: string[]): Promise<ParsedCommandLine> {
  const options = { ...globalOptions, ...spec.options };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(await describeParseError(err, Object.keys(options)), spec.name);
  }
  if (parsed.positionals.length > spec.maxPositionals) {
    const extra = parsed.positionals[spec.maxPositionals];
    throw new UsageError(`unexpected argument '${extra}'`, spec.name);
  }
  return { values: parsed.values as ParsedCommandLine['values'], positionals: parsed.positionals };
}

async function describeParseError(err: unknown, known: string[]): Promise<string> {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
  if (unknown) {
    // Loaded only here: the suggestion library is not worth its import time on the happy path.
    const { closest } = await import('../util/suggest.js');
    const name = unknown[1]!.replace(/^-+/, '');
    const near = closest(name, known);
    return `unknown option '${unknown[1]}'` + (near ? ` (did you mean '--${near}'?)` : '');
  }
  const missing = /Option '(.+?)' argument missing/.exec(message);
  if (missing) return `option '${missing[1]!.split(',').pop()!.trim().replace(/ <value>$/, '')}' needs a value`;
  return message.split('\n')[0]!;
}
