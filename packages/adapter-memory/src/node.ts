import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MemoryState, Persistence } from './store.js';

/** Node persistence in a JSON file, written atomically (temp file + rename) so a crash never leaves half a file. */
export function jsonFilePersistence(path: string): Persistence {
  return {
    load() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as MemoryState;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    save(state) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(state));
      renameSync(tmp, path);
    },
  };
}
