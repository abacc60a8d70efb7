import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IdentityNormaliser, type Throughline } from '@throughline/core';
import { toWebRequest, writeWebResponse } from '@throughline/core/node';
import { createConsoleApi } from '../api/console-api';
import { createCustomerSearch } from '../search/customer-search';
import { OrderNumberIndex } from '../search/order-number-index';
import { ChangeStream } from './change-stream';
import { loadPageAssets } from './page-assets';

/** Region phone numbers without a country code are read in. */
type Region = ConstructorParameters<typeof IdentityNormaliser>[0];

/** How to start the agent console. */
export interface AgentConsoleOptions {
  /** The Throughline instance whose store the console reads. */
  throughline: Throughline;
  /** The tenant the console shows. */
  tenantId: string;
  /** Region for phone numbers without a country code: the instance's `defaultRegion` (default `US`). */
  defaultRegion?: Region;
  /** The instance's time source in epoch ms (default `Date.now`). */
  now?: () => number;
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`: the console has no sign-in). */
  host?: string;
  /** Log of unexpected errors (default `console.error`). */
  logError?: (error: unknown) => void;
}

/** A running console. */
export interface RunningAgentConsole {
  /** Where to open it, such as `http://127.0.0.1:4100/`. */
  url: string;
  server: Server;
  /** The order-number index (rescan it after writing orders from elsewhere). */
  orders: OrderNumberIndex;
  /** Stops listening, ends the change streams and closes open connections. */
  close(): Promise<void>;
}

/** The page loads only its own script, styles and API: nothing inline, nothing from elsewhere. */
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Starts the agent console: the page and its JSON API over a Throughline instance's store.
 *
 * @param options - instance, tenant, region, port
 * @returns the running console and its URL
 * @throws when the page script does not compile or the port is taken
 * @example
 * ```ts
 * const agentConsole = await startAgentConsole({ throughline, tenantId: 'acme', port: 4100 });
 * console.log(`Open ${agentConsole.url}`);
 * ```
 */
export async function startAgentConsole(options: AgentConsoleOptions): Promise<RunningAgentConsole> {
  const { throughline, tenantId } = options;
  const now = options.now ?? Date.now;
  const tenant = throughline.tenant(tenantId);
  const orders = new OrderNumberIndex({ store: throughline.store, tenantId, now });
  const stopIndexing = throughline.events.on('timeline.appended', (event) => orders.record(event));
  await orders.rescan();
  const search = createCustomerSearch({ tenant, normaliser: new IdentityNormaliser(options.defaultRegion ?? 'US'), orders });
  const api = createConsoleApi({ tenant, search, now, ...(options.logError ? { logError: options.logError } : {}) });
  const changes = new ChangeStream({ events: throughline.events, tenantId });
  const assets = await loadPageAssets();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://console').pathname;
    if (path === '/api/changes' && request.method === 'GET') {
      changes.attach(response);
      return;
    }
    if (path.startsWith('/api/')) {
      await writeWebResponse(await api(toWebRequest(request)), response);
      return;
    }
    const asset = request.method === 'GET' || request.method === 'HEAD' ? assets.get(path) : undefined;
    if (!asset) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': asset.contentType,
      'cache-control': 'no-cache',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    response.end(request.method === 'HEAD' ? undefined : asset.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      (options.logError ?? console.error)(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    server,
    orders,
    async close() {
      stopIndexing();
      changes.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
