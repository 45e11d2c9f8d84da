import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The same scratch TMPDIR setup as the platform workspace (generators depends on platform).
    globalSetup: ['../platform/test/support/scratch-tmpdir.ts'],
  },
});
