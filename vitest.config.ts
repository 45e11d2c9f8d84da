import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * `npm test`: every workspace's tests in one vitest run, ending with one summary. The files of all three share one
 * pool with a worker per core (vitest's default leaves one core idle, which on two cores halves the speed). Each
 * workspace keeps its own vitest.config.ts (timeouts, global setup); `npm test -w <workspace>` still runs one alone.
 */
export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    projects: ['schemas', 'platform', 'generators'],
  },
});
