import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'signature/hmac-sha1-node': 'src/signature/hmac-sha1-node.ts',
    'signature/hmac-sha1-web': 'src/signature/hmac-sha1-web.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['@throughline/core', '#sha1', 'msw'],
});
