/**
 * @internal Test support (not a test file): the fields of an app that the loader always fills from the schema's
 * defaults, for tests that build an `App` by hand.
 */
import type { App } from '@platform/schemas';
import { DEFAULT_JOB } from '../../src/workloads/app-cron-job.js';

export const LOADED_DEFAULTS: Pick<App, 'kind' | 'job' | 'connections' | 'alerts'> = {
  kind: 'Deployment',
  job: DEFAULT_JOB,
  connections: { env: {}, files: [] },
  alerts: { defaults: { crashLooping: true, jobFailed: true, errorRate: true }, rules: [] },
};
