import { type ChildProcess, fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { signMockDelivery } from '@throughline/core/testing/fakes';
import type { BenchResult } from './bench-result';
import { benchSecret, type DeliveryOptions, deliveryBody } from './ingest-fixtures';

/** A signed delivery ready to send. */
interface Delivery {
  readonly body: string;
  readonly headers: Record<string, string>;
}

const inFlight = 8;

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) => child.once('message', (message) => resolve(message as T)));
}

async function deliveries(port: number, count: number, options: DeliveryOptions = {}): Promise<Delivery[]> {
  const url = `http://127.0.0.1:${port}/webhooks/mock`;
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const body = deliveryBody(index, 2_000, options);
      const signed = await signMockDelivery({ url, secret: benchSecret, account: 'acme', body });
      const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(body)) };
      signed.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return { body, headers };
    }),
  );
}

function post(agent: http.Agent, port: number, delivery: Delivery): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request({ agent, host: '127.0.0.1', port, path: '/webhooks/mock', method: 'POST', headers: delivery.headers }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`the server answered ${response.statusCode}`))));
    });
    request.on('error', reject);
    request.end(delivery.body);
  });
}

async function sendAll(agent: http.Agent, port: number, list: ReadonlyArray<Delivery>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < list.length) await post(agent, port, list[next++]!);
    }),
  );
}

/** Deliveries per second and the server's CPU per delivery, with the server in a child process. */
async function measure(handler: 'entry' | 'plain', count: number): Promise<{ rate: number; serverMicros: number }> {
  const child = fork(fileURLToPath(new URL('./http-server.ts', import.meta.url)), [], {
    execArgv: ['--conditions=@throughline/source', '--import', 'tsx'],
    env: { ...process.env, THROUGHLINE_BENCH_HTTP_HANDLER: handler },
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  try {
    const port = await nextMessage<number>(child);
    // The warm-up goes to other customers, a day earlier: the measured deliveries are all in order.
    const warm = await deliveries(port, 500, { customerPrefix: 'warm', startMs: Date.UTC(2026, 10, 26) });
    const measured = await deliveries(port, count);
    await sendAll(agent, port, warm);
    child.send('mark');
    await nextMessage(child);
    const started = performance.now();
    await sendAll(agent, port, measured);
    const seconds = (performance.now() - started) / 1000;
    child.send('report');
    const { cpuMicros } = await nextMessage<{ cpuMicros: number }>(child);
    return { rate: count / seconds, serverMicros: cpuMicros / count };
  } finally {
    agent.destroy();
    child.send('exit');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/**
 * Webhooks over real HTTP: a Node `http` server in a child process serving `webhooks.handle` with
 * `toNodeHandler`, fed 3 KB signed deliveries over loopback by this process, 8 at a time.
 */
export async function run(): Promise<BenchResult[]> {
  const count = 8_000;
  const entry = await measure('entry', count);
  const plain = await measure('plain', count);
  return [
    {
      name: `Node http server, toNodeHandler(webhooks.handle), ${inFlight} in flight over loopback, memory store`,
      opsPerSecond: entry.rate,
      note: `server ${Math.round(entry.serverMicros)} µs CPU per delivery; the client is this process`,
    },
    {
      name: 'the same behind a plain Web handler (Request and Response body streams)',
      opsPerSecond: plain.rate,
      note: `server ${Math.round(plain.serverMicros)} µs CPU per delivery: the body streams cost ${Math.round(plain.serverMicros - entry.serverMicros)} µs`,
    },
  ];
}
