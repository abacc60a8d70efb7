import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestClock } from '@throughline/core/testing/fakes';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededConsole, startSeededConsole } from './start-seeded-console';

/** Debian's Chromium (CI installs it with `apt-get install chromium`). */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const screenshotPath = fileURLToPath(new URL('../test-output/console.png', import.meta.url));

if (!hasChromium) console.warn(`Skipping the agent console browser test: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).`);

describe.skipIf(!hasChromium)('the agent console in Chromium', () => {
  let app: SeededConsole;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startSeededConsole(createTestClock(Date.now()));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 1100 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(app.agentConsole.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the queue of what breaches next, soonest first', async () => {
    const items = page.getByTestId('due-soon-item');
    await expect.poll(() => items.count()).toBe(4);
    expect(await items.nth(0).innerText()).toContain('Ben Okafor');
    expect(await items.nth(0).innerText()).toMatch(/First reply · SMS/);
    expect(await items.nth(3).innerText()).toContain('Chloé Martin');
    await expect.poll(() => page.getByTestId('live-status').innerText()).toBe('live');
  });

  it('searches a customer by order number and opens them', async () => {
    await page.getByTestId('search-input').fill('#1042');
    await page.getByTestId('search-input').press('Enter');
    const result = page.getByTestId('search-result');
    await result.first().waitFor();
    expect(await result.count()).toBe(1);
    expect(await result.first().innerText()).toContain('order · #1042');
    await result.first().click();
    await expect.poll(() => page.getByTestId('customer-name').innerText()).toBe('Ana Silva');
    expect(await page.getByTestId('customer-identities').innerText()).toContain('phone:+447700900123');
  });

  it('shows the order and the shipment next to the web form, the WhatsApp message and the call', async () => {
    const entries = page.getByTestId('timeline-entry');
    await entries.first().waitFor();
    expect(await page.locator('[data-testid="timeline-entry"][data-type="order.placed"]').innerText()).toContain('Order #1042 placed');
    expect(await page.locator('[data-testid="timeline-entry"][data-type="fulfillment.updated"]').first().innerText()).toContain('delayed');
    const whatsapp = page.locator('[data-testid="timeline-entry"][data-channel="whatsapp"]');
    expect(await whatsapp.innerText()).toContain('Hello? Still no news about my parcel');
    expect(await whatsapp.innerText()).toContain('repeat contact');
    expect(await page.locator('[data-testid="timeline-entry"][data-type="call.started"]').innerText()).toContain('Inbound call');
    expect(await page.locator('[data-testid="timeline-entry"][data-type="call.missed"]').innerText()).toContain('abandoned');
    const times = await entries.evaluateAll((nodes) => nodes.map((node) => node.querySelector('time')?.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort().reverse());
  });

  it('shows the open case with SLA clocks that count down', async () => {
    expect(await page.getByTestId('open-case-title').innerText()).toBe('Open case: Where is my order #1042?');
    const firstReply = page.locator('[data-testid="sla-clock"][data-metric="first_reply"]');
    expect(await firstReply.getAttribute('data-status')).toBe('active');
    const countdown = firstReply.getByTestId('sla-countdown');
    const before = await countdown.innerText();
    expect(before).toMatch(/^(\d+h )?\d+m \d{2}s$/);
    await expect.poll(() => countdown.innerText(), { timeout: 5_000 }).not.toBe(before);
    expect(await page.locator('[data-testid="sla-clock"][data-metric="total_resolution"]').count()).toBe(1);
  });

  it('shows what platforms sent as text: markup in a message and a hostile tracking link do nothing', async () => {
    await page.locator('[data-testid="due-soon-item"]', { hasText: 'Chloé Martin' }).click();
    await expect.poll(() => page.getByTestId('customer-name').innerText()).toBe('Chloé Martin');
    const timeline = page.getByTestId('timeline');
    expect(await timeline.innerText()).toContain('<img src=x onerror="alert(\'pwned\')">');
    expect(await timeline.locator('img, script, b').count()).toBe(0);

    await page.getByTestId('search-input').fill('(502) 459-2181');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-result').first().click();
    await expect.poll(() => page.getByTestId('customer-name').innerText()).toBe('Ben Okafor');
    const shipment = page.locator('[data-testid="timeline-entry"][data-type="fulfillment.updated"]');
    expect(await shipment.innerText()).toContain('1Z999AA10123456784<script>alert("x")</script>');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('updates the open customer live when a new message arrives', async () => {
    await page.getByTestId('search-input').fill('ana.silva@example.com');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-result').first().click();
    await expect.poll(() => page.getByTestId('customer-name').innerText()).toBe('Ana Silva');
    await app.throughline.ingest('acme', [
      {
        id: 'SMlive0001',
        tenantId: 'acme',
        occurredAt: new Date().toISOString(),
        source: { system: 'twilio', externalId: 'SMlive0001' },
        channel: 'whatsapp',
        actor: { kind: 'customer' },
        identities: [{ kind: 'phone', value: 'whatsapp:+447700900123' }],
        type: 'message.received',
        data: { messageId: 'SMlive0001', body: 'I need it for Saturday, please call me back', subject: null, media: [], from: 'whatsapp:+447700900123', to: null },
      },
    ]);
    await expect.poll(() => page.getByTestId('timeline-entry').first().innerText(), { timeout: 10_000 }).toContain('I need it for Saturday');
  });

  it('saves a screenshot of the console', async () => {
    mkdirSync(fileURLToPath(new URL('../test-output/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    console.log(`Agent console screenshot: ${screenshotPath}`);
    expect(existsSync(screenshotPath)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
