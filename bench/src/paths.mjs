import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const BENCH = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const ROOT = join(BENCH, '..');
export const COMPONENTS = join(ROOT, 'packages/components');
export const SERVER = join(ROOT, 'packages/server');
/** Throwaway bundles, pages and databases (gitignored). */
export const TMP = join(BENCH, '.tmp');
