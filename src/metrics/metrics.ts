// What operators watch, in Prometheus' text format (prom-client). One registry per process: with every shard in
// the process (discord.js's WebSocket manager), one scrape sees them all.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QuestionRecord } from '../store/records.ts';

/** Latency buckets in seconds: answers take well under a millisecond; Discord's window is 3 s. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3];

export class Metrics {
  readonly registry = new Registry();
  readonly questions = new Counter({
    name: 'xenbot_questions_total',
    help: 'Questions answered by the engine, by outcome (answered, uncertain, unknown), surface (slash, mention, channel, dm) and language',
    labelNames: ['status', 'surface', 'language'] as const,
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: 'xenbot_answer_seconds',
    help: 'Time the engine took to answer one question',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly interactionSeconds = new Histogram({
    name: 'xenbot_interaction_seconds',
    help: 'From receiving an interaction to Discord accepting its response, by kind (command, autocomplete, component, modal)',
    labelNames: ['kind', 'transport'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly reloads = new Counter({
    name: 'xenbot_knowledge_reloads_total',
    help: 'Knowledge reloads, by result (ok, failed)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'xenbot_errors_total',
    help: 'Failures, by kind (interaction, message, client)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly rateLimits = new Counter({
    name: 'xenbot_rest_rate_limits_total',
    help: 'Discord REST rate limits met (429 or a bucket exhausted), by scope (global, route)',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });
  readonly restRetries = new Counter({
    name: 'xenbot_rest_retries_total',
    help: 'Discord REST attempts that were retries (after a server error or a timeout) and got an answer',
    registers: [this.registry],
  });
  /** Where the gateway pings are read at each scrape: [shard id, milliseconds]. */
  pingSource?: () => Iterable<[number, number]>;
  readonly gatewayPing: Gauge<'shard'> = new Gauge({
    name: 'xenbot_gateway_ping_seconds',
    help: 'Last heartbeat round trip of each gateway shard',
    labelNames: ['shard'] as const,
    registers: [this.registry],
    collect: () => {
      for (const [id, ms] of this.pingSource?.() ?? []) if (ms >= 0) this.gatewayPing.set({ shard: String(id) }, ms / 1000);
    },
  });
  readonly shardReady = new Gauge({
    name: 'xenbot_shard_ready',
    help: '1 while the shard is connected and ready, 0 otherwise',
    labelNames: ['shard'] as const,
    registers: [this.registry],
  });
  readonly knowledgeFacts = new Gauge({
    name: 'xenbot_knowledge_facts',
    help: 'Facts in the knowledge base in service',
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'xenbot_' });
  }

  question(record: QuestionRecord): void {
    this.questions.inc({ status: record.status, surface: record.surface, language: record.language });
    this.answerSeconds.observe(record.latencyMs / 1000);
  }
}
