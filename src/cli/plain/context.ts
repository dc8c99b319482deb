/** What the line-mode commands share: the pack, the learner's progress and workspace, resolved once. */
import { loadProgress, PackError, resolveWorkspace, saveProgress, type LoadedProgress, type Pack, type PackLoadOptions } from '../../course/index.js';
import { ConfigError } from '../../course/config.js';
import { openConfiguredPack } from '../../course/pack/combine.js';
import { InputError, type CliIO } from '../io.js';

export interface CourseSession {
  pack: Pack;
  progress: LoadedProgress;
  workspace: string;
  /** Saves progress; a failure to write is a warning, never a lost check result. */
  save(): void;
}

/**
 * The course `--lessons`/`--with-builtin` or a config file choose (else the built-in lessons); a broken
 * pack or config file is an input error listing its problems.
 */
export function openPack(io: CliIO, values: Record<string, unknown>, scope: PackLoadOptions['scope'] = 'all'): Pack {
  try {
    const lessons = typeof values.lessons === 'string' ? values.lessons : undefined;
    const withBuiltin = values['with-builtin'] === true ? true : undefined;
    return openConfiguredPack({ lessons, withBuiltin, env: io.env, cwd: io.cwd, scope });
  } catch (err) {
    if (err instanceof PackError || err instanceof ConfigError) throw new InputError(err.message);
    throw err;
  }
}

export function openSession(io: CliIO, values: Record<string, unknown>, scope: PackLoadOptions['scope'] = 'all'): CourseSession {
  const pack = openPack(io, values, scope);
  const progress = loadProgress({ env: io.env });
  for (const w of progress.warnings) io.stderr.write(`${io.errColor.yellow('warning:')} ${w}\n`);
  const workspace = resolveWorkspace({ flag: typeof values.workspace === 'string' ? values.workspace : undefined, env: io.env, cwd: io.cwd });
  return {
    pack,
    progress,
    workspace,
    save() {
      try {
        saveProgress(progress.progress, progress.path);
      } catch (err) {
        io.stderr.write(`${io.errColor.yellow('warning:')} could not save progress to ${progress.path}: ${(err as Error).message}\n`);
      }
    },
  };
}
