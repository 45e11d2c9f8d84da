import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Several tests render whole fleets; on a busy two-core machine that can take longer than the 5 s default.
    testTimeout: 30_000,
    globalSetup: ['test/support/scratch-tmpdir.ts'],
    // Files share their worker's modules, as in the root run (vitest.config.ts): a test leaves no state behind.
    isolate: false,
  },
});
