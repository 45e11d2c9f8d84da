import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Several tests render whole fleets; on a busy two-core machine that can take longer than the 5 s default.
    testTimeout: 30_000,
    // The same scratch TMPDIR setup as the platform workspace (generators depends on platform).
    globalSetup: ['../platform/test/support/scratch-tmpdir.ts'],
  },
});
