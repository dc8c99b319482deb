// Scenario pod rules (`pods:` in a scenario) and the contract's defaults for how a container behaves.
import type { KubeObject, LabelSelector } from '../api/types.js';
import { matchesSelector } from '../api/selectors.js';

export interface PodRule {
  selector: LabelSelector;
  /** Running → container exit, ms. */
  runFor?: number;
  exitCode?: number;
  /** The first N container runs of matching pods (all pods together) fail. */
  failTimes?: number;
  /** Scheduled → Running, ms (default 1000). */
  startupTime?: number;
  /** Running → Ready, ms. */
  readyAfter?: number;
  /** Deleted → gone, ms (default 1000, capped at the grace period). */
  stopTime?: number;
}

export const DEFAULT_STARTUP_MS = 1000;
export const DEFAULT_STOP_MS = 1000;
/** Pods that run to completion (restartPolicy Never/OnFailure) and say nothing else run 5 s. */
export const DEFAULT_JOB_RUN_MS = 5000;

/** The first rule whose selector matches the pod's labels. */
export function matchRule(rules: readonly PodRule[], pod: KubeObject): { rule: PodRule; index: number } | undefined {
  for (let i = 0; i < rules.length; i++) {
    if (matchesSelector(pod.metadata.labels, rules[i]!.selector)) return { rule: rules[i]!, index: i };
  }
  return undefined;
}

/** What a container's command says about its run: `sleep N`, `... exit N`. */
export interface CommandBehaviour {
  /** ms until exit; undefined: runs forever. */
  runFor?: number;
  exitCode: number;
}

const SHELL_PREFIX = /^(?:\/(?:usr\/)?bin\/)?(?:ba|da|a)?sh\s+-c\s+/;

/**
 * Reads the container's command+args as a shell line: a plain `sleep N` runs N seconds and exits 0;
 * a line ending in `exit N` exits N after the `sleep` before it (or 1 s). Anything else: undefined.
 */
export function commandBehaviour(container: { command?: string[]; args?: string[] } | undefined): CommandBehaviour | undefined {
  if (!container) return undefined;
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  if (words.length === 0) return undefined;
  const line = words.join(' ').trim().replace(SHELL_PREFIX, '').replace(/^["']|["']$/g, '').trim();
  const plainSleep = /^(?:\/(?:usr\/)?bin\/)?sleep\s+(\d+(?:\.\d+)?|infinity)$/.exec(line);
  if (plainSleep) return plainSleep[1] === 'infinity' ? { exitCode: 0 } : { runFor: Number(plainSleep[1]) * 1000, exitCode: 0 };
  const exit = /(?:^|[;&|]\s*|\s)exit\s+(\d+)\s*;?$/.exec(line);
  if (!exit) return undefined;
  const sleeps = [...line.slice(0, exit.index).matchAll(/sleep\s+(\d+(?:\.\d+)?)/g)];
  const last = sleeps[sleeps.length - 1];
  return { runFor: last ? Number(last[1]) * 1000 : 1000, exitCode: Number(exit[1]) % 256 };
}
