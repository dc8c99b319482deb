import { describe, expect, test } from 'vitest';
import { loadCommand } from '../../src/cli/loaders.js';
import { commands } from '../../src/cli/registry.js';

describe('command loaders', () => {
  test.each(commands.map((c) => c.name))("'%s' loads a module with run()", async (name) => {
    const module = await loadCommand(name);
    expect(typeof module.run).toBe('function');
  });

  test('a name the registry does not have is an error, not undefined', () => {
    expect(() => loadCommand('no-such-command')).toThrow("no module for command 'no-such-command'");
  });
});
