import { defineConfig } from 'vitest/config';

/**
 * `npm test`: every workspace's tests in one vitest run, so the files of all three share one pool of workers (on two
 * cores, three runs side by side only fight for them) and the run ends with one summary. Each workspace keeps its
 * own vitest.config.ts (timeouts, global setup); `npm test -w <workspace>` still runs one alone.
 */
export default defineConfig({
  test: {
    projects: ['schemas', 'platform', 'generators'],
  },
});
