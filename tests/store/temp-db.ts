// Real SQLite files in temporary folders, removed after each test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folders: string[] = [];

export function tempDbPath(name = 'xenbot.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'xenbot-store-'));
  folders.push(dir);
  return join(dir, name);
}

export function removeTempDbs(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}
