import { describe, expect, it } from 'vitest';
import { createSha1Signer as nodeSigner } from './hmac-sha1-node';
import { createSha1Signer as webSigner } from './hmac-sha1-web';

describe('HMAC-SHA1 signers', () => {
  it('give the same digest on node:crypto and WebCrypto, for ASCII and non-ASCII data', async () => {
    for (const [key, data] of [
      ['12345', 'https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1'],
      ['tökén', 'Body¿Dónde está mi pedido? 📦'],
    ] as const) {
      const fromNode = nodeSigner(key)(data);
      expect(typeof fromNode).toBe('string');
      expect(await webSigner(key)(data)).toBe(fromNode);
      expect(Buffer.from(await fromNode, 'base64')).toHaveLength(20);
      // Signing in two parts (URL, then parameters) equals signing the joined text, on both runtimes.
      // The parts split between characters (a URL never ends inside a surrogate pair).
      const characters = Array.from(data);
      for (let cut = 0; cut <= characters.length; cut += 3) {
        const head = characters.slice(0, cut).join('');
        const tail = characters.slice(cut).join('');
        expect(nodeSigner(key)(head, tail)).toBe(fromNode);
        expect(await webSigner(key)(head, tail)).toBe(fromNode);
      }
    }
  });
});
