// Memory of the running bot: `node dist/discord/main.js` on the real base, connected to the fake Discord and busy.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../fake-discord/index.ts';

const MAIN_JS = fileURLToPath(new URL('../../dist/discord/main.js', import.meta.url));
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.bench.token-for-measurements-only';

export interface BotMemoryFigures {
  interactions: number;
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

export async function measureBotMemory(questions: readonly string[], interactions: number): Promise<BotMemoryFigures> {
  const fake = await startFakeDiscord({ token: TOKEN });
  const bot = spawn(process.execPath, [MAIN_JS], {
    env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${fake.restUrl}/api`, LOG_LEVEL: 'warn', COOLDOWN_SECONDS: '0' },
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
    return { interactions, rssAfterStartMb, rssAfterLoadMb: rssMb(bot.pid!) };
  } catch (error) {
    throw new Error(`measuring the bot failed: ${(error as Error).message}\n${stderr}`);
  } finally {
    bot.kill('SIGTERM');
    await new Promise((resolve) => bot.once('exit', resolve));
    await fake.close();
  }
}
