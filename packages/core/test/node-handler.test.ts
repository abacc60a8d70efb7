import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, createThroughline } from '../src/index';
import { toNodeHandler } from '../src/node/index';
import { readNodeBody } from '../src/node/read-node-body';
import { createMockAdapter, signMockDelivery } from '../src/testing/fakes';
import { email, inbound } from './event-factory';

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(handle: (request: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeHandler(handle));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeHandler', () => {
  it('serves webhooks.handle over real HTTP: body, headers and status survive the translation', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [createMockAdapter({ secrets: ['s'], accounts: { acme: 'acme' } })] });
    const base = await serve(throughline.webhooks.handle);
    const { tenantId: _tenantId, ...event } = inbound('m1', 0, [email('ana@example.com')]);
    const signed = await signMockDelivery({ url: `${base}/webhooks/mock`, secret: 's', account: 'acme', body: { account: 'acme', deliveryId: 'd', events: [event] } });
    const response = await fetch(signed);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    // Written in one piece, with its length (a streamed Response would go out chunked).
    expect(response.headers.get('content-length')).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({ accepted: 1 });
    const tampered = await fetch(`${base}/webhooks/mock`, { method: 'POST', headers: signed.headers, body: '{"account":"acme","events":[]}' });
    expect(tampered.status).toBe(401);
  });

  it('reads the body of webhooks.handle itself: over the cap is 413 (declared or streamed) and kept as a dead letter, a GET is 405', async () => {
    const store = createMemoryStore();
    const throughline = createThroughline({ store, adapters: [createMockAdapter({ secrets: ['s'], accounts: { acme: 'acme' } })], maxBodyBytes: 64 });
    const base = await serve(throughline.webhooks.handle);
    const large = JSON.stringify({ account: 'acme', deliveryId: 'big', events: [], padding: 'x'.repeat(200) });
    const signed = await signMockDelivery({ url: `${base}/webhooks/mock`, secret: 's', account: 'acme', body: large });
    const declared = await fetch(signed);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: 'body_too_large' });
    // No Content-Length: the body arrives in chunks and is refused once it passes the cap.
    const chunks = [large.slice(0, 40), large.slice(40, 120), large.slice(120)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const streamed = await fetch(`${base}/webhooks/mock`, { method: 'POST', headers: signed.headers, body, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    const letters = await store.listDeadLetters(null, 10);
    expect(letters.map((letter) => [letter.reason, letter.body.length])).toEqual(expect.arrayContaining([['body_too_large', 0], ['body_too_large', 64]]));
    expect(letters.find((letter) => letter.body.length === 64)?.body).toBe(large.slice(0, 64));
    const get = await fetch(`${base}/webhooks/mock`);
    expect(get.status).toBe(405);
  });

  // webhooks.handle itself takes the buffered path; any other Web handler (here a wrapper) the streamed one.
  for (const path of ['buffered', 'streamed'] as const) {
  it(`stores nothing from a client that hangs up mid-body, and goes on serving (${path} path)`, async () => {
    const store = createMemoryStore();
    const throughline = createThroughline({ store, adapters: [createMockAdapter({ secrets: ['s'], accounts: { acme: 'acme' } })] });
    const base = await serve(path === 'buffered' ? throughline.webhooks.handle : (request) => throughline.webhooks.handle(request));
    const { port } = new URL(base);
    const { tenantId: _tenantId, ...event } = inbound('m1', 0, [email('ana@example.com')]);
    const signed = await signMockDelivery({ url: `${base}/webhooks/mock`, secret: 's', account: 'acme', body: { account: 'acme', deliveryId: 'd', events: [event] } });
    const body = await signed.clone().text();
    const head = [`POST /webhooks/mock HTTP/1.1`, `Host: 127.0.0.1:${port}`, `Content-Length: ${Buffer.byteLength(body)}`];
    signed.headers.forEach((value, key) => {
      head.push(`${key}: ${value}`);
    });
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(`${head.join('\r\n')}\r\n\r\n${body.slice(0, 20)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await store.listDeadLetters(null, 10)).toEqual([]);
    const response = await fetch(signed);
    expect(response.status).toBe(200);
    // Only the buffered path writes the answer in one piece, with its length.
    expect(response.headers.has('content-length')).toBe(path === 'buffered');
    expect(await response.json()).toMatchObject({ accepted: 1 });
  });
  }

  it('gives up reading a body whose client hung up, instead of waiting for it forever', async () => {
    let outcome: unknown;
    const server = createServer((message) => {
      readNodeBody(message, 1024).then(
        () => {
          outcome = 'read';
        },
        (error: unknown) => {
          outcome = error;
        },
      );
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"partial":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await vi.waitFor(() => expect(outcome).toBeInstanceOf(Error));
  });

  it('says so when a body parser read the body before it (the signed bytes are gone)', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [createMockAdapter({ secrets: ['s'], accounts: { acme: 'acme' } })] });
    const handle = toNodeHandler(throughline.webhooks.handle);
    // What express.json() does before the route runs: consume the body, then call the next handler.
    const server = createServer((message, response) => {
      message.resume();
      message.on('end', () => handle(message, response));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const response = await fetch(`${base}/webhooks/mock`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'internal_error', message: expect.stringContaining('mount the webhook handler before body parsers') });
  });

  it("writes an adapter's own reply (TwiML) as it built it", async () => {
    const mock = createMockAdapter({ secrets: ['s'], accounts: { acme: 'acme' } });
    const replying: typeof mock = {
      ...mock,
      async doParseWebhook(delivery, tenantId) {
        const parsed = await mock.doParseWebhook(delivery, tenantId);
        if (!parsed.ok || parsed.kind !== 'events') return parsed;
        return { ...parsed, respond: (outcome) => new Response(`<Response><Say>${outcome.events.length} stored</Say></Response>`, { headers: { 'content-type': 'text/xml' } }) };
      },
    };
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [replying] });
    const base = await serve(throughline.webhooks.handle);
    const { tenantId: _tenantId, ...event } = inbound('m1', 0, [email('ana@example.com')]);
    const response = await fetch(await signMockDelivery({ url: `${base}/webhooks/mock`, secret: 's', account: 'acme', body: { account: 'acme', deliveryId: 'd', events: [event] } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(await response.text()).toBe('<Response><Say>1 stored</Say></Response>');
  });

  it('answers 500 with a JSON body when the handler throws', async () => {
    const base = await serve(async () => {
      throw new Error('boom');
    });
    const response = await fetch(`${base}/x`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal_error', message: 'boom' });
  });
});
