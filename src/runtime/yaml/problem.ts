/** One thing wrong (error) or worth improving (warning) in a learner's file. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Stable identifier of the check, e.g. 'yaml-syntax', 'unknown-field', 'selector-mismatch'. */
  rule: string;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  kind?: string;
  name?: string;
  /** Field path in the object, e.g. `spec.template.spec.containers[0].image`. */
  path?: string;
  /** What is wrong, one sentence. */
  message: string;
  /** How to fix it, one sentence. */
  hint?: string;
}
