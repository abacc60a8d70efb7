import type { ServerResponse } from 'node:http';
import type { ThroughlineEvents } from '@throughline/core';
import type { ChangeNotice } from '../api/console-api-types';

/** Settings of the change stream. */
export interface ChangeStreamOptions {
  events: ThroughlineEvents;
  tenantId: string;
  /** Changes within this many ms go out as one notice (default 250). */
  batchMs?: number;
  /** A comment line keeps idle connections open through proxies (default every 25 s). */
  heartbeatMs?: number;
}

/**
 * Tells connected pages, as server-sent events, which customers and cases changed, so they
 * refetch what they show. Batches bursts (an ingest of many events) into one notice.
 */
export class ChangeStream {
  private readonly clients = new Set<ServerResponse>();
  private pending: ChangeNotice | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly unsubscribe: () => void;

  constructor(options: ChangeStreamOptions) {
    this.unsubscribe = options.events.on('timeline.appended', (event) => {
      if (event.tenantId !== options.tenantId) return;
      this.pending ??= { customerIds: [], caseIds: [] };
      if (!this.pending.customerIds.includes(event.customerId)) this.pending.customerIds.push(event.customerId);
      if (event.caseId && !this.pending.caseIds.includes(event.caseId)) this.pending.caseIds.push(event.caseId);
      this.flushTimer ??= setTimeout(() => this.flush(), options.batchMs ?? 250);
    });
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) client.write(': keep-alive\n\n');
    }, options.heartbeatMs ?? 25_000);
    this.heartbeat.unref();
  }

  /**
   * Holds a response open as an event stream until the page goes away.
   * @param response - Node's response for `GET /api/changes`
   */
  attach(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    response.write('retry: 3000\n: connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  /** Number of pages connected. */
  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream and stops listening. */
  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private flush(): void {
    this.flushTimer = null;
    const notice = this.pending;
    this.pending = null;
    if (!notice) return;
    const message = `event: changed\ndata: ${JSON.stringify(notice)}\n\n`;
    for (const client of this.clients) client.write(message);
  }
}
