// Version and knowledge freshness for `/xen about`, read at start-up and at each knowledge reload.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AboutInfo } from './render/about.ts';

const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

/**
 * Last commit touching the knowledge folder; the newest file date when git is not there (e.g. a tarball) or when
 * files were edited since that commit, as when a curator edits by hand and reloads the running bot.
 */
function knowledgeUpdated(dir: string): string | undefined {
  const git = (args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const date = git(['log', '-1', '--format=%cs', '--', '.']);
    if (date && git(['status', '--porcelain', '--', '.']) === '') return date;
  } catch {
    // not a git checkout: fall through
  }
  try {
    const newest = (folder: string): number =>
      Math.max(0, ...readdirSync(folder, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(folder, e.name)) : statSync(join(folder, e.name)).mtimeMs)));
    const ms = newest(dir);
    return ms > 0 ? new Date(ms).toISOString().slice(0, 10) : undefined;
  } catch {
    return undefined;
  }
}

export function readAboutInfo(knowledgeDir: string): AboutInfo {
  const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
  return { version, knowledgeUpdated: knowledgeUpdated(knowledgeDir) };
}
