import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Throughline } from '@throughline/core';
import { toNodeHandler } from '@throughline/core/node';

/** A running webhook server and the URL the platforms should call. */
export interface RunningWebhookServer {
  server: Server;
  /** Base URL, such as `http://127.0.0.1:3000`; the adapter's id follows it (`/webhooks/shopify`). */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `throughline.webhooks.handle` from Node's http module: one handler for every platform,
 * routed by the last path segment that names an adapter (`/webhooks/shopify`) or by the headers.
 *
 * @param throughline - the instance whose webhooks to serve
 * @param port - the port (0 picks a free one)
 * @returns the running server
 */
export async function startWebhookServer(throughline: Throughline, port: number): Promise<RunningWebhookServer> {
  const server = createServer(toNodeHandler(throughline.webhooks.handle));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
