// The interactions endpoint's HTTP server: POST /interactions, GET /metrics and /healthz, 404 for anything else.
import { createServer, type Server } from 'node:http';
import type { BotContext } from '../discord/interactions/context.ts';
import { interactionsEndpoint, type EndpointOptions } from './interactions-endpoint.ts';
import { opsRoutes, type Readiness } from './ops-routes.ts';
import { Metrics } from '../metrics/metrics.ts';

export function createInteractionsServer(ctx: BotContext, options: EndpointOptions, notReady: Readiness = () => []): Server {
  const endpoint = interactionsEndpoint(ctx, options);
  const ops = opsRoutes(ctx.metrics ?? new Metrics({ processMetrics: false }), notReady);
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const work = path === '/interactions' && req.method === 'POST' ? endpoint(req, res).then(() => true) : ops(req, res);
    work
      .then((handled) => {
        if (!handled) res.writeHead(404).end();
      })
      .catch((error: unknown) => {
        ctx.logger.error({ err: error }, 'request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
}
