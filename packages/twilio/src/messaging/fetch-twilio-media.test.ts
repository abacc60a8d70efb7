import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountSid, authToken, testAdapter } from '../test-fixtures';
import { createTwilioFake } from '../testing/twilio-fake';
import { MediaHostNotAllowedError } from '../twilio-errors';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const mediaUrl = `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages/MM1/Media/ME1`;

describe('fetchMedia', () => {
  it("downloads from Twilio's API host through its CDN redirect, sending credentials to the API host only", async () => {
    const twilio = createTwilioFake({ accountSid, authToken });
    const seen: Array<{ host: string; authorization: string | null }> = [];
    server.events.on('request:start', ({ request }) => {
      seen.push({ host: new URL(request.url).host, authorization: request.headers.get('authorization') });
    });
    server.use(...twilio.handlers);
    const response = await testAdapter().fetchMedia(mediaUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('media ME1');
    expect(seen.map((request) => request.host)).toEqual(['api.twilio.com', 'mms.twiliocdn.com']);
    expect(seen[0]!.authorization).toMatch(/^Basic /);
    expect(seen[1]!.authorization).toBeNull();
    server.events.removeAllListeners();
  });

  it('refuses hosts outside the allow-list and plain http before any request', async () => {
    let requests = 0;
    server.use(http.all('*', () => { requests++; return HttpResponse.text('x'); }));
    const adapter = testAdapter();
    await expect(adapter.fetchMedia('https://evil.test/image.jpg')).rejects.toBeInstanceOf(MediaHostNotAllowedError);
    await expect(adapter.fetchMedia('http://api.twilio.com/2010-04-01/x')).rejects.toBeInstanceOf(MediaHostNotAllowedError);
    await expect(adapter.fetchMedia('not a url')).rejects.toBeInstanceOf(MediaHostNotAllowedError);
    await expect(adapter.fetchMedia('https://s3-external-1.amazonaws.com/other-bucket/x')).rejects.toBeInstanceOf(MediaHostNotAllowedError);
    expect(requests).toBe(0);
  });

  it('refuses a redirect that leaves the allow-list', async () => {
    server.use(http.get(mediaUrl, () => new HttpResponse(null, { status: 302, headers: { location: 'https://evil.test/steal' } })));
    await expect(testAdapter().fetchMedia(mediaUrl)).rejects.toMatchObject({ code: 'media_host_not_allowed', host: 'evil.test' });
  });

  it('follows an allow-listed legacy S3 media path and accepts hosts the integrator adds', async () => {
    server.use(
      http.get(mediaUrl, () => new HttpResponse(null, { status: 301, headers: { location: 'https://s3-external-1.amazonaws.com/media.twiliocdn.com/AC/abc' } })),
      http.get('https://s3-external-1.amazonaws.com/media.twiliocdn.com/AC/abc', () => HttpResponse.text('legacy')),
      http.get('https://media.example-cdn.test/x', () => HttpResponse.text('custom')),
    );
    expect(await (await testAdapter().fetchMedia(mediaUrl)).text()).toBe('legacy');
    const custom = testAdapter({ mediaHosts: ['media.example-cdn.test'] });
    expect(await (await custom.fetchMedia('https://media.example-cdn.test/x')).text()).toBe('custom');
    await expect(custom.fetchMedia(mediaUrl)).rejects.toBeInstanceOf(MediaHostNotAllowedError);
  });
});
