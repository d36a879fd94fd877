// Bad input to `npm run ask`: odd bytes on stdin, hostile argv and unknown flags. Few cases: each one spawns tsx.
import { describe, expect, it } from 'vitest';
import { HOSTILE_SAMPLES } from '../helpers/hostile-text.ts';
import { ask } from './run-ask.ts';

describe('ask --jsonl given hostile bytes on stdin', () => {
  it('GIVEN NUL, invalid UTF-8, a CESU lone surrogate, CRLF, blank and 1 MB lines THEN one JSON object per line, exit 0', () => {
    const lines: Buffer[] = [
      Buffer.from('what is PVH?\u0000\u0000'),
      Buffer.from([0x50, 0x56, 0x48, 0x20, 0xff, 0xfe, 0xc3]), // "PVH " then bytes that are not UTF-8
      Buffer.from([0x50, 0x56, 0x48, 0x20, 0xed, 0xa0, 0x80]), // a lone surrogate as some encoders write it
      Buffer.from('event channels\r'), // the \r of a CRLF file
      Buffer.from(''),
      Buffer.from(HOSTILE_SAMPLES.rtl + HOSTILE_SAMPLES.emoji),
      Buffer.from(`${HOSTILE_SAMPLES.maskedLink} `.repeat(20_000).slice(0, 1_000_000)),
    ];
    const { code, stdout, stderr } = ask(['--jsonl'], Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line) as { status?: string; confidence?: number; error?: string });
    expect(rows).toHaveLength(lines.length);
    expect(rows[4]).toMatchObject({ error: 'empty question' });
    for (const row of rows.filter((_, i) => i !== 4)) {
      expect(['answered', 'uncertain', 'unknown']).toContain(row.status);
      expect(row.confidence).toBeGreaterThanOrEqual(0);
      expect(row.confidence).toBeLessThanOrEqual(1);
    }
    expect(rows[3]).toMatchObject({ status: 'answered' }); // the CR does not stop "event channels" from matching
  });
});

describe('ask given hostile argv', () => {
  it('GIVEN escape sequences, RTL marks, markdown and mentions THEN prints the answer without echoing any of them', () => {
    const question = `\u001b]0;pwned\u0007\u001b[2J${HOSTILE_SAMPLES.rtl} ${HOSTILE_SAMPLES.codeFence} ${HOSTILE_SAMPLES.everyone}`;
    const { code, stdout } = ask([question]);
    expect(code).toBe(0);
    const obeyed = [...stdout].filter((c) => (c < ' ' && c !== '\n') || c === '\u007f' || c === '\u202e');
    expect(obeyed).toEqual([]); // nothing a terminal would obey
    expect(stdout).not.toContain('@everyone');
  });
});

describe('ask given flags it does not know', () => {
  it.each([
    [['--bogus', 'PVH'], /Unknown option '--bogus'/],
    [['--jsonl', 'PVH'], /--jsonl reads questions from stdin/],
  ])('GIVEN %j THEN exits 2 with the reason and the usage, printing nothing on stdout', (args, reason) => {
    const { code, stdout, stderr } = ask(args, '');
    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
    expect(stderr).toMatch(/usage: npm run ask/);
    expect(stdout).toBe('');
  });
});
