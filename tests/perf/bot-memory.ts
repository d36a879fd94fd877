// Memory of the running bot, started as `npm start` starts it, on the real base, connected to the fake Discord and busy.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../fake-discord/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The node flags and script of package.json's start script ("node <flags> dist/discord/main.js"), run without npm. */
export function startCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const [program, ...args] = scripts.start.split(/\s+/);
  if (program !== 'node') throw new Error(`npm start no longer runs node directly: ${scripts.start}`);
  return args;
}
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.bench.token-for-measurements-only';

export interface BotMemoryFigures {
  interactions: number;
  command: string;
  /** Resident set of the bot process after start-up, and after answering. */
  rssAfterStartMb: number;
  rssAfterLoadMb: number;
}

/** VmRSS of a process, from Linux's /proc. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
  return kb / 1024;
}

/**
 * `snapshotDir` is where the bot keeps its index snapshot: empty, it starts from the YAML files (the first start
 * after a deploy) and writes one; the next start with the same folder restores it (every restart after).
 */
export async function measureBotMemory(questions: readonly string[], interactions: number, snapshotDir: string): Promise<BotMemoryFigures> {
  const fake = await startFakeDiscord({ token: TOKEN });
  const bot = spawn(process.execPath, startCommand(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', XENBOT_SNAPSHOT_DIR: snapshotDir, XENBOT_DB: join(snapshotDir, 'xenbot.sqlite'), DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${fake.restUrl}/api`, LOG_LEVEL: 'warn', COOLDOWN_SECONDS: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  bot.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await fake.waitForGateway((e) => e.kind === 'received' && e.op === 2, { timeoutMs: 60_000 }); // IDENTIFY
    await fake.waitForGateway((e) => e.kind === 'sent' && e.t === 'READY', { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 500)); // let start-up garbage be collected
    const rssAfterStartMb = rssMb(bot.pid!);
    for (let i = 0; i < interactions; i++) {
      const question = questions[i % questions.length]!;
      await fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question } }).response({ timeoutMs: 10_000 });
    }
    return { interactions, command: `node ${startCommand().join(' ')}`, rssAfterStartMb, rssAfterLoadMb: rssMb(bot.pid!) };
  } catch (error) {
    throw new Error(`measuring the bot failed: ${(error as Error).message}\n${stderr}`);
  } finally {
    bot.kill('SIGTERM');
    await new Promise((resolve) => bot.once('exit', resolve));
    await fake.close();
  }
}
