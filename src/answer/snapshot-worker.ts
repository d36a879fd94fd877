// Worker thread: reads or builds the snapshot of a knowledge folder and hands its bytes to the thread that asked
// (open-in-worker.ts). Parsing, validating and indexing a large base takes seconds the bot's event loop must not lose.
import { parentPort, workerData } from 'node:worker_threads';
import { KnowledgeError } from '../knowledge/issues.ts';
import { engineSnapshot, type OpenEngineOptions } from './open-engine.ts';

export type WorkerReply =
  | { ok: true; bytes: ArrayBuffer; from: 'snapshot' | 'files' }
  | { ok: false; issues?: KnowledgeError['issues']; message: string };

async function run(options: OpenEngineOptions): Promise<void> {
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const { bytes, from } = await engineSnapshot(options);
    // Handed over, not copied: the buffer is the file's or the encoder's own when it spans all of it.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
    reply = { ok: true, bytes: buffer, from };
    transfer = [buffer];
  } catch (error) {
    reply = error instanceof KnowledgeError ? { ok: false, issues: error.issues, message: error.message } : { ok: false, message: String((error as Error)?.message ?? error) };
  }
  parentPort!.postMessage(reply, transfer);
}

await run(workerData as OpenEngineOptions);
