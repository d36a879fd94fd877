// The interactions endpoint's HTTP server: POST /interactions, GET /metrics and /healthz, 404 for anything else.
import type { Server } from 'node:http';
import type { BotContext } from '../discord/interactions/context.ts';
import { Metrics } from '../metrics/metrics.ts';
import { interactionsEndpoint, type EndpointOptions } from './interactions-endpoint.ts';
import { opsRoutes, type Readiness } from './ops-routes.ts';
import { routedServer, type Route } from './routed-server.ts';

export function createInteractionsServer(ctx: BotContext, options: EndpointOptions, notReady: Readiness = () => []): Server {
  const endpoint = interactionsEndpoint(ctx, options);
  const interactions: Route = async (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '/').split('?')[0] !== '/interactions') return false;
    await endpoint(req, res);
    return true;
  };
  return routedServer([interactions, opsRoutes(ctx.metrics ?? new Metrics({ processMetrics: false }), notReady)], ctx.logger);
}
