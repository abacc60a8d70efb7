/**
 * The server side of the HTTP bench, run in a child process: Throughline with the memory store
 * behind Node's `http` module. `THROUGHLINE_BENCH_HTTP_HANDLER=plain` serves it through a plain Web
 * handler (a full `Request` and a streamed `Response`) instead of `webhooks.handle` itself.
 * The parent sends `mark` (start counting CPU), `report` (CPU since the mark) and `exit`.
 */
import http from 'node:http';
import { createMemoryStore, createThroughline } from '@throughline/core';
import { toNodeHandler } from '@throughline/core/node';
import { benchAdapter } from './ingest-fixtures';

const throughline = createThroughline({ store: createMemoryStore(), adapters: [benchAdapter()] });
const handle = process.env.THROUGHLINE_BENCH_HTTP_HANDLER === 'plain' ? (request: Request) => throughline.webhooks.handle(request) : throughline.webhooks.handle;
const server = http.createServer({ keepAlive: true }, toNodeHandler(handle));
let mark = process.cpuUsage();
process.on('message', (message) => {
  if (message === 'mark') {
    mark = process.cpuUsage();
    process.send?.('marked');
  } else if (message === 'report') {
    const used = process.cpuUsage(mark);
    process.send?.({ cpuMicros: used.user + used.system });
  } else if (message === 'exit') {
    server.close();
    process.exit(0);
  }
});
server.listen(0, '127.0.0.1', () => process.send?.((server.address() as { port: number }).port));
