// A small HTTP server for /metrics and /healthz, for the gateway process (the interactions endpoint serves them
// on its own port).
import type { Server } from 'node:http';
import type { Logger } from '../log/logger.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { opsRoutes, type Readiness } from './ops-routes.ts';
import { routedServer } from './routed-server.ts';

export async function startOpsServer(metrics: Metrics, port: number, notReady: Readiness, logger: Logger, host = '0.0.0.0'): Promise<Server> {
  const server = routedServer([opsRoutes(metrics, notReady)], logger);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
  logger.info({ port }, 'serving /metrics and /healthz');
  return server;
}
