import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAboutInfo } from '../../src/discord/about-info.ts';
import { FIXTURE_DIR } from '../helpers/knowledge.ts';

// The "last knowledge update" date of `/xen about`, from git or from the files.
const dir = mkdtempSync(join(tmpdir(), 'xenbot-about-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { ...process.env, GIT_AUTHOR_DATE: '2020-01-02T12:00:00Z', GIT_COMMITTER_DATE: '2020-01-02T12:00:00Z' };
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, env, stdio: 'ignore' });
const today = () => new Date().toISOString().slice(0, 10);

describe('readAboutInfo', () => {
  it('GIVEN a committed base THEN gives the commit date; GIVEN an edit since THEN the date of the edit', () => {
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    expect(readAboutInfo(dir).knowledgeUpdated).toBe('2020-01-02');

    appendFileSync(join(dir, 'topics.yaml'), '\n# edited by hand\n');
    expect(readAboutInfo(dir).knowledgeUpdated).toBe(today());
  });
});
