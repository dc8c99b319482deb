import { commands, globalOptionHelp, type CommandSpec } from './registry.js';

export function programUsage(): string {
  return 'Usage: k8s-workloads-course [command] [options]';
}

export function programHelp(version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const lines = [
    `k8s-workloads-course ${version} — learn Kubernetes workload resources by running them`,
    '',
    programUsage(),
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    '  -v, --version         print the version',
    ...globalOptionHelp.map((l) => `  ${l}`),
    '',
    "Run 'k8s-workloads-course <command> --help' for a command's options.",
    'Exit codes: 0 ok, 1 failed check or invalid input, 2 usage error.',
  ];
  return lines.join('\n') + '\n';
}

export function commandUsage(spec: CommandSpec): string {
  return `Usage: ${spec.usage}`;
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [`${spec.summary}`, '', commandUsage(spec), '', 'Options:'];
  for (const line of [...spec.optionHelp, ...globalOptionHelp]) lines.push(`  ${line}`);
  return lines.join('\n') + '\n';
}
