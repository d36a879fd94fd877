// One HTTP server over a list of routes: the first that handles a request answers it; none → 404; a failure → 500.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.ts';

/** Resolves true when it answered the request, false when the request is not its own. */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function routedServer(routes: readonly Route[], logger: Logger): Server {
  return createServer((req, res) => {
    const handle = async () => {
      for (const route of routes) if (await route(req, res)) return;
      res.writeHead(404).end();
    };
    handle().catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}
