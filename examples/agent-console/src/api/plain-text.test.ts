import { describe, expect, it } from 'vitest';
import { plainText, safeLink } from './plain-text';

describe('plainText', () => {
  it('keeps markup as characters but drops control characters and bidirectional overrides', () => {
    expect(plainText('<b>hi</b>\u0007 line\nnext\ttab \u202Egnp.exe')).toBe('<b>hi</b> line\nnext\ttab gnp.exe');
  });

  it('caps the length with an ellipsis', () => {
    expect(plainText('abcdef', 3)).toBe('abc…');
    expect(plainText('abc', 3)).toBe('abc');
  });
});

describe('safeLink', () => {
  it('keeps http(s) links and drops every other scheme or non-URL', () => {
    expect(safeLink('https://www.royalmail.com/track?x=1')).toBe('https://www.royalmail.com/track?x=1');
    expect(safeLink(' http://carrier.example/t ')).toBe('http://carrier.example/t');
    for (const hostile of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x', '/relative', 'not a url', '', null, undefined]) {
      expect(safeLink(hostile), String(hostile)).toBeNull();
    }
  });
});
