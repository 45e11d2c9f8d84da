import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The generated-types check runs the type generator; on a busy two-core machine that can take longer than 5 s.
    testTimeout: 30_000,
    // Files share their worker's modules, as in the root run (vitest.config.ts): a test leaves no state behind.
    isolate: false,
  },
});
