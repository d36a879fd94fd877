// `npm run ask` runs the compiled dist/ for a fast start; after an edit to src/ that copy is out of date, so say so.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * When running from dist/ inside a checkout, warn on stderr if a file in src/ is newer than this build.
 * Silent when running from src/ (tsx) or from an install without sources; never fails the command.
 */
export function warnIfBuildIsStale(moduleUrl: string): void {
  try {
    const compiled = fileURLToPath(moduleUrl);
    if (!compiled.includes('/dist/')) return;
    const sources = fileURLToPath(new URL('../../src', moduleUrl));
    if (newestMtime(sources) > statSync(compiled).mtimeMs) {
      console.error('note: src/ changed since the last build; run `npm run build` to answer with the current code.');
    }
  } catch {
    // no src/ next to dist/: an installed copy, nothing to compare
  }
}
