// GET /metrics (Prometheus text) and GET /healthz (200 when ready, 503 otherwise), for either transport.
import type { Metrics } from '../metrics/metrics.ts';
import type { Route } from './routed-server.ts';

export interface Readiness {
  /** Names what is not ready yet ("knowledge", "gateway", "listener"); empty when all is. */
  (): string[];
}

export function opsRoutes(metrics: Metrics, notReady: Readiness): Route {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/metrics') {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(req.method === 'HEAD' ? undefined : text);
      return true;
    }
    if (path === '/healthz') {
      const missing = notReady();
      const body = JSON.stringify(missing.length ? { ok: false, waiting: missing } : { ok: true });
      res.writeHead(missing.length ? 503 : 200, { 'content-type': 'application/json' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    return false;
  };
}
