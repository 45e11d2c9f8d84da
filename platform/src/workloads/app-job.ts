import { ApiObject, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { type AppPodProps, appPodProps, restrictPod } from './_app-pod.js';
import { DEFAULT_JOB } from './app-cron-job.js';
import type { JobSettings } from './app-settings.js';

export interface AppJobProps extends AppPodProps {
  /** @default - 2 retries, 1 hour per run */
  readonly job?: Partial<Pick<JobSettings, 'backoffLimit' | 'activeDeadlineSeconds'>>;
}

/**
 * Flux's annotation that recreates an object whose change the API server refuses: a Job's pod template is
 * immutable, so a changed app file replaces the Job, which runs again.
 */
export const FLUX_FORCE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/force';

/**
 * An app's Job (cdk8s-plus-27): runs to completion once, with a pod restricted like an app Deployment's. It stays
 * after it finishes (no TTL: Flux would recreate a deleted Job and run it again) and is replaced, so runs again,
 * when the app file changes.
 */
export class AppJob extends Construct {
  readonly job: kplus.Job;

  constructor(scope: Construct, id: string, props: AppJobProps) {
    super(scope, id);
    const job = { ...DEFAULT_JOB, ...props.job };
    const { workload, annotations } = appPodProps(this, props, { reload: false });
    const all = { ...annotations, [FLUX_FORCE_ANNOTATION]: 'enabled' };
    this.job = new kplus.Job(this, 'resource', {
      ...workload,
      metadata: { ...workload.metadata, annotations: all },
      backoffLimit: job.backoffLimit,
      activeDeadline: Duration.seconds(job.activeDeadlineSeconds),
    });
    restrictPod(ApiObject.of(this.job), '/spec/template', all);
  }
}
