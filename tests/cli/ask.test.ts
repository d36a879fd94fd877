import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../helpers/knowledge.ts';
import { ask, ROOT, TSX } from './run-ask.ts';

describe('the ask command', () => {
  it('GIVEN a question THEN prints the answer, its status and numbered sources with URLs', () => {
    const { code, stdout } = ask(['What is PVH?']);
    expect(code).toBe(0);
    expect(stdout).toContain('PVH guests');
    expect(stdout).toMatch(/answered, confidence [01]\.\d\d/);
    expect(stdout).toMatch(/\[1\] Fixture release notes, Fixture wiki \(2014-03-10\) — PVH section\n\s+https:\/\/example\.org\/notes/);
  });

  it('GIVEN a French question THEN answers in French', () => {
    const { stdout } = ask(["Qu'est-ce que le mode PVH ?"]);
    expect(stdout).toContain('Invités PVH');
    expect(stdout).toContain('conteneur matériel');
  });

  it('GIVEN --lang fr THEN answers in French whatever the question', () => {
    expect(ask(['--lang', 'fr', 'What is PVH?']).stdout).toContain('Invités PVH');
  });

  it('GIVEN --json THEN prints exactly one JSON object: the answer with the question added', () => {
    const { code, stdout } = ask(['--json', 'What is PVH?']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(result).toMatchObject({ question: 'What is PVH?', status: 'answered', language: 'en', answer: { id: 'pvh-guests', title: 'PVH guests' } });
    expect(result.answer.sources[0]).toMatchObject({ title: 'Fixture release notes', url: 'https://example.org/notes' });
  });

  it('GIVEN --json and an unanswerable question THEN answer is null', () => {
    const result = JSON.parse(ask(['--json', 'asdf qwerty']).stdout);
    expect(result).toMatchObject({ status: 'unknown', answer: null });
  });

  it('GIVEN --jsonl THEN prints one JSON object per stdin line, in order, and nothing else', () => {
    const input = ['What is PVH?', 'evnet chanels', '', 'asdf qwerty', "Qu'est-ce que xl devd ?"].join('\n');
    const { code, stdout } = ask(['--jsonl'], `${input}\n`);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => r.question)).toEqual(['What is PVH?', 'evnet chanels', '', 'asdf qwerty', "Qu'est-ce que xl devd ?"]);
    expect(rows.map((r) => r.answer?.id ?? r.error ?? r.status)).toEqual(['pvh-guests', 'fifo-event-channels', 'empty question', 'unknown', 'xl-devd']);
    expect(rows[4].language).toBe('fr');
  });

  it('GIVEN --jsonl piped into a reader that stops early THEN exits quietly', () => {
    const input = Array.from({ length: 2000 }, () => 'What is PVH?').join('\n');
    const run = spawnSync('bash', ['-c', `"${TSX}" src/cli/ask.ts --jsonl | head -n 1`], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      env: { ...process.env, XENBOT_KNOWLEDGE_DIR: FIXTURE_DIR },
      timeout: 30_000,
    });
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
  });

  it.each([[['']], [['   ']], [[]]])('GIVEN an empty question %j THEN exits 2 with a usage message', (args) => {
    const { code, stderr, stdout } = ask(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/the question is empty/);
    expect(stderr).toMatch(/usage: npm run ask/);
    expect(stdout).toBe('');
  });

  it('GIVEN an unsupported --lang THEN exits 2 and names the accepted values', () => {
    const { code, stderr } = ask(['--lang', 'de', 'PVH']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--lang must be "en" or "fr"/);
  });

  it('GIVEN a 100 KB question full of control characters THEN still answers (or says unknown) and exits 0', () => {
    const question = `PVH ${'\u0001\u001b[31m@everyone '.repeat(8000)}`.slice(0, 100_000);
    const { code, stdout } = ask(['--json', question]);
    expect(code).toBe(0);
    expect(['answered', 'uncertain', 'unknown']).toContain(JSON.parse(stdout).status);
  });

  it('GIVEN a broken knowledge base THEN exits 1 naming the problem', () => {
    const run = spawnSync(TSX, ['src/cli/ask.ts', 'PVH'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, XENBOT_KNOWLEDGE_DIR: '/nonexistent' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/knowledge base has \d+ problems?/);
  });
});
