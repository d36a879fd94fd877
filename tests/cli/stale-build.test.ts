import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warnIfBuildIsStale } from '../../src/cli/stale-build.ts';

let root: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A checkout with src/answer/engine.ts and dist/cli/ask.js, the source `sourceAgeSeconds` older than the build (negative: newer). */
function checkout(sourceAgeSeconds: number): string {
  root = mkdtempSync(join(tmpdir(), 'xenbot-build-'));
  mkdirSync(join(root, 'src/answer'), { recursive: true });
  mkdirSync(join(root, 'dist/cli'), { recursive: true });
  const source = join(root, 'src/answer/engine.ts');
  const compiled = join(root, 'dist/cli/ask.js');
  writeFileSync(source, '');
  writeFileSync(compiled, '');
  const now = Date.now() / 1000;
  utimesSync(compiled, now, now);
  utimesSync(source, now - sourceAgeSeconds, now - sourceAgeSeconds);
  return pathToFileURL(compiled).href;
}

describe('a stale build', () => {
  it('GIVEN a source file newer than the build THEN says to run npm run build', () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    warnIfBuildIsStale(checkout(-60));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('npm run build'));
  });

  it('GIVEN a build newer than every source THEN stays silent', () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    warnIfBuildIsStale(checkout(60));
    expect(warn).not.toHaveBeenCalled();
  });

  it('GIVEN a compiled copy without sources beside it THEN stays silent', () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const url = checkout(-60);
    rmSync(join(root!, 'src'), { recursive: true });
    warnIfBuildIsStale(url);
    expect(warn).not.toHaveBeenCalled();
  });
});
