// Opens the answer engine with the slow part in a worker thread: reading the knowledge files, validating and
// indexing them happen there; this thread only wraps the finished snapshot's bytes, a few milliseconds. What the
// bot uses to reload its knowledge while it keeps answering (npm run bench, "reload").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KnowledgeError } from '../knowledge/issues.ts';
import { engineFromSnapshot, type OpenedEngine, type OpenEngineOptions } from './open-engine.ts';
import type { WorkerReply } from './snapshot-worker.ts';

/** The worker's module beside this one: compiled JavaScript in dist/, TypeScript through tsx in tests and scripts. */
const fromSource = import.meta.url.endsWith('.ts');
const WORKER = new URL(`./snapshot-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);

/** A worker from TypeScript registers tsx first: a loader given to the parent does not reach its workers on Node 20. */
function startWorker(options: OpenEngineOptions): Worker {
  if (!fromSource) return new Worker(WORKER, { workerData: options });
  // tsx's ESM entry, found through its package's exports: its CommonJS one cannot register twice in one process.
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsx = new URL(exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
  const boot = `(async () => { (await import(${JSON.stringify(tsx)})).register(); await import(${JSON.stringify(WORKER.href)}); })();`;
  return new Worker(boot, { eval: true, workerData: options });
}

export async function openAnswerEngineInWorker(options: OpenEngineOptions = {}): Promise<OpenedEngine> {
  const reply = await new Promise<WorkerReply>((resolve, reject) => {
    const worker = startWorker(options);
    let settled = false;
    worker.once('message', (message: WorkerReply) => {
      settled = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the snapshot worker stopped (exit code ${code}) without a result`));
    });
  });
  if (!reply.ok) throw reply.issues ? new KnowledgeError(reply.issues) : new Error(reply.message);
  return { engine: engineFromSnapshot(Buffer.from(reply.bytes)), from: reply.from };
}
