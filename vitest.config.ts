import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { generatorsProjects } from './generators/vitest.config.js';

/**
 * `npm test`: every workspace's tests in one vitest run, ending with one summary. The files of all three share one
 * pool with a worker per core (vitest's default leaves one core idle, which on two cores halves the speed). Each
 * workspace keeps its own vitest.config.ts (timeouts, global setup); `npm test -w <workspace>` still runs one alone.
 *
 * Test files do not run isolated: a worker keeps the modules it has loaded (cdk8s, the constructs, the Kubernetes
 * models) for the next file, which more than halves the run. Tests must therefore leave no state behind in
 * shared modules; the few files that mock modules run in an isolated project of their own (generators/vitest.config.ts).
 */
export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    isolate: false,
    projects: ['schemas', 'platform', ...generatorsProjects],
  },
});
