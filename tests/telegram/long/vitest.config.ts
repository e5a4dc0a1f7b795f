import { defineConfig } from 'vitest/config';

/** Long runs, outside `npm test`: `npm run test:long` (real 25 s cuts, a 1,000-question burst) and `npm run soak`. */
export default defineConfig({
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['tests/telegram/long/*.long.ts'],
    testTimeout: 20 * 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
