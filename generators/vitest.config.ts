import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that replace modules with `vi.mock`. A mock is only sound in a fresh module graph, so these run in a
 * project of their own that resets the modules before each file; every other file shares its worker's modules (no
 * isolation), which saves loading cdk8s, the platform and the Kubernetes models again for each of ~100 files.
 */
const MOCKING = ['test/validate/validate.test.ts', 'test/diff/diff-command.test.ts'];

const shared = {
  root: import.meta.dirname,
  // Several tests render whole fleets; on a busy two-core machine that can take longer than the 5 s default.
  testTimeout: 30_000,
  // The same scratch TMPDIR setup as the platform workspace (generators depends on platform).
  globalSetup: ['../platform/test/support/scratch-tmpdir.ts'],
};

/** The generators workspace's projects; the root vitest.config.ts runs them next to the other workspaces. */
export const generatorsProjects = [
  { test: { ...shared, name: '@platform/generators', isolate: false, exclude: [...configDefaults.exclude, ...MOCKING] } },
  { test: { ...shared, name: '@platform/generators (vi.mock, isolated)', isolate: true, include: MOCKING } },
];

export default defineConfig({
  test: {
    // Without isolation at the top, workers are reused between files; each project above says whether it resets modules.
    isolate: false,
    projects: generatorsProjects,
  },
});
