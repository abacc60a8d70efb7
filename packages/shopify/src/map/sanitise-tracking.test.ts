import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitiseText, sanitiseTrackingUrl } from './sanitise-tracking';

describe('tracking sanitising', () => {
  it('never lets a control or format character, or more than the cap, through', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        const cleaned = sanitiseText(value, 64);
        if (cleaned === null) return;
        expect(cleaned).not.toMatch(/[\p{Cc}\p{Cf}]/u);
        expect(cleaned.length).toBeLessThanOrEqual(64);
        expect(cleaned).toBe(cleaned.trim());
      }),
    );
  });

  it('keeps only absolute http(s) URLs without credentials', () => {
    expect(sanitiseTrackingUrl('https://www.ups.com/track?tracknum=1Z')).toBe('https://www.ups.com/track?tracknum=1Z');
    expect(sanitiseTrackingUrl('  http://carrier.example/t/1\n')).toBe('http://carrier.example/t/1');
    for (const unsafe of ['javascript:alert(1)', 'data:text/html,x', '/track/1', 'https://a:b@evil.example', 'https://ex ample.com', '']) {
      expect(sanitiseTrackingUrl(unsafe)).toBeNull();
    }
  });
});
