import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` when the file's content changes. Watches the folder, not the file: many editors
 * save by writing a new file and renaming it over the old one, which ends a watch on the file itself.
 */
export function watchFile(path: string, onChange: () => void, debounceMs = 120): () => void {
  let last = read(path);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), (_event, name) => {
      if (name && name !== basename(path)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = read(path);
        if (now === undefined || now === last) return;
        last = now;
        onChange();
      }, debounceMs);
    });
  } catch {
    // Watching is a convenience; without it the learner checks with a key.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
