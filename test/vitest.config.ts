import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [
    {
      // The bundle embeds example fixtures with esbuild's text loader; do the same under vitest.
      name: 'text-loader',
      enforce: 'pre',
      transform(code, id) {
        if (/\.(txt|xml)$/.test(id)) return { code: `export default ${JSON.stringify(code)};`, map: null };
        return null;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    env: { SIGDOCTOR_NO_MAIN: '1' },
    testTimeout: 20000,
  },
});
