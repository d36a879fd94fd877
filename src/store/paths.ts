// Where the store lives by default: data/ beside knowledge/, git-ignored.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DB_PATH = fileURLToPath(new URL('../../data/xenbot.sqlite', import.meta.url));

/** XENBOT_DB when set (relative to the working folder), else the default. */
export function dbPathFromEnv(value: string | undefined): string {
  return value?.trim() ? resolve(value.trim()) : DEFAULT_DB_PATH;
}
