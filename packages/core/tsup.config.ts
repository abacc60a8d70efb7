import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'adapter/index': 'src/adapter/index.ts',
    'adapter-utils/index': 'src/adapter-utils/index.ts',
    'adapter-utils/crypto/hmac-node': 'src/adapter-utils/crypto/hmac-node.ts',
    'adapter-utils/crypto/hmac-web': 'src/adapter-utils/crypto/hmac-web.ts',
    'node/index': 'src/node/index.ts',
    'testing/index': 'src/testing/index.ts',
    'testing/fakes': 'src/testing/fakes.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['#hmac', 'vitest'],
});
