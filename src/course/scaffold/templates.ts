/**
 * Templates for `new lesson` and `new exercise`. Their comments teach the format (see
 * docs/AUTHORING.md); what they scaffold lints clean, and the exercise's starter fails its checks until
 * the instructor (then the learner) writes it. `SLUG` is replaced by the lesson or exercise id.
 */

export const LESSON_MD = `---
# Front matter: YAML between the two '---' lines.
id: SLUG                    # unique in the pack: lowercase letters, digits, dashes
title: TITLE
summary: One or two sentences for the course map.
objectives:                 # what the learner can do afterwards
  - Explain what TITLE is for
minutes: 15                 # estimated minutes
# examples:                 # optional runnable examples, paths relative to this folder
#   - title: A rolling update, step by step
#     manifest: examples/web.yaml
#     scenario: examples/web.scenario.yaml
---
# TITLE

Write the lesson in Markdown: headings, lists, tables and fenced code.
Prose paragraphs wrap by themselves; keep code lines to 74 characters so
every line fits 80 columns in the learner's terminal.

A fenced \`yaml\` block with \`apiVersion\` and \`kind\` is a complete
manifest, and lint makes sure it validates:

\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
\`\`\`

A block without them is a snippet:

\`\`\`yaml
spec:
  replicas: 3
\`\`\`

Link other lessons by id, like [this one](lesson:SLUG). Add exercises
with \`k8s-workloads-course new exercise SLUG <exercise-id>\`.
`;

export const QUIZ_YAML = `# The lesson's quiz. Question types: single, multiple, truefalse, order, predict
# (see docs/AUTHORING.md). Indexes are 0-based.
questions:
  - id: replicas-field          # unique within this quiz
    type: single
    prompt: Which field sets how many Pods a Deployment runs?
    choices: [spec.replicas, spec.pods, spec.count]
    answer: 0
    explanation: spec.replicas is the desired number of Pods.
  - id: heals
    type: truefalse
    prompt: When a Deployment's Pod is deleted, a replacement is created.
    answer: true
    explanation: Its ReplicaSet notices one Pod is missing and creates another.
`;

export const EXERCISE_YAML = `# An exercise: the learner edits a copy of starter.yaml until every check
# passes. lint runs solution.yaml (must pass), starter.yaml (must fail) and
# variants of the solution with one field changed (should fail a check).
id: SLUG                        # unique in the pack; the learner's file is SLUG.yaml
title: Three replicas that survive a lost Pod
difficulty: 1                   # 1 easy, 2 medium, 3 hard
task: |                         # Markdown shown to the learner
  The Deployment \`SLUG\` runs a single Pod. Make it run **three**
  replicas of \`nginx:1.27\`, so that losing one Pod does not take the
  service down.
hints:                          # revealed one at a time
  - The number of Pods is \`spec.replicas\`.
scenario:                       # your file is applied, then these steps run
  nodes: 2
  steps:
    - wait: 30s
    - delete: { kind: Pod, selector: { matchLabels: { app: SLUG } }, count: 1 }
    - wait: 30s
checks:                         # all must pass; each has exactly one expectation
  - title: 3 Pods of SLUG are Running and Ready after one was deleted
    select:
      kind: Pod
      selector: { app: SLUG }
      where: { phase: Running, ready: true }
    count: 3
  - title: SLUG runs nginx:1.27
    select: { kind: Deployment, name: SLUG }
    fields: { image: "nginx:1.27" }
`;

const deployment = (replicas: number, comment: string) => `# ${comment}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: SLUG
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: SLUG
  template:
    metadata:
      labels:
        app: SLUG
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

export const STARTER_YAML = deployment(1, 'What the learner starts from: it must fail at least one check.');
export const SOLUTION_YAML = deployment(3, 'The reference solution: it must pass every check.');

export function fill(template: string, slug: string): string {
  const title = slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return template.replace(/SLUG/g, slug).replace(/TITLE/g, title);
}
