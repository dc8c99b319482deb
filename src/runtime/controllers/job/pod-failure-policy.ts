/**
 * Matching a failed pod against spec.podFailurePolicy (pkg/controller/job/pod_failure_policy.go):
 * the first rule whose onExitCodes (a non-zero exit code of a terminated container, In/NotIn) or
 * onPodConditions (a pod condition type with the given status) matches decides the action.
 */
import type { PodFailurePolicy as JobPodFailurePolicy } from 'kubernetes-types/batch/v1.js';

export type PolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

export interface PolicyMatch {
  /** Whether the failure counts toward backoffLimit. */
  readonly countFailed: boolean;
  readonly action?: PolicyAction;
  /** For FailJob: the message of the Job's Failed condition. */
  readonly failJobMessage?: string;
}

/** The parts of a pod the policy reads. */
export interface FailedPodView {
  readonly name: string;
  readonly namespace: string;
  readonly containerStatuses?: readonly ContainerStatusView[];
  readonly initContainerStatuses?: readonly ContainerStatusView[];
  readonly conditions?: readonly { type: string; status: string }[];
}

export interface ContainerStatusView {
  readonly name: string;
  readonly state?: { terminated?: { exitCode: number } };
}

export function matchPodFailurePolicy(policy: JobPodFailurePolicy | undefined, pod: FailedPodView): PolicyMatch {
  if (!policy) return { countFailed: true };
  for (const [index, rule] of policy.rules.entries()) {
    const action = rule.action as PolicyAction;
    if (rule.onExitCodes) {
      const status = matchingContainer(pod, rule.onExitCodes);
      if (!status) continue;
      if (action === 'FailJob') {
        const code = status.state!.terminated!.exitCode;
        const failJobMessage = `Container ${status.name} for pod ${pod.namespace}/${pod.name} failed with exit code ${code} matching FailJob rule at index ${index}`;
        return { countFailed: true, action, failJobMessage };
      }
      return decided(action);
    } else if (rule.onPodConditions) {
      const condition = pod.conditions?.find((c) => rule.onPodConditions!.some((p) => p.type === c.type && (p.status ?? 'True') === c.status));
      if (!condition) continue;
      if (action === 'FailJob') {
        const failJobMessage = `Pod ${pod.namespace}/${pod.name} has condition ${condition.type} matching FailJob rule at index ${index}`;
        return { countFailed: true, action, failJobMessage };
      }
      return decided(action);
    }
  }
  return { countFailed: true };
}

function decided(action: PolicyAction): PolicyMatch {
  return { countFailed: action !== 'Ignore', action };
}

type ExitCodes = NonNullable<JobPodFailurePolicy['rules'][number]['onExitCodes']>;

function matchingContainer(pod: FailedPodView, req: ExitCodes): ContainerStatusView | undefined {
  return findIn(pod.containerStatuses, req) ?? findIn(pod.initContainerStatuses, req);
}

function findIn(statuses: readonly ContainerStatusView[] | undefined, req: ExitCodes): ContainerStatusView | undefined {
  return statuses?.find((s) => {
    const code = s.state?.terminated?.exitCode;
    if (code === undefined || code === 0) return false;
    if (req.containerName !== undefined && req.containerName !== s.name) return false;
    if (req.operator === 'In') return req.values.includes(code);
    if (req.operator === 'NotIn') return !req.values.includes(code);
    return false;
  });
}
