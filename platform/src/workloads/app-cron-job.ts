import { ApiObject, Cron, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { type AppPodProps, appPodProps, restrictPod } from './_app-pod.js';
import type { JobSettings } from './app-settings.js';

export interface AppCronJobProps extends AppPodProps {
  /** Five-field cron expression, in UTC. */
  readonly schedule: string;
  /** @default - Forbid, 2 retries, 1 hour per run, 5 minutes to start */
  readonly job?: Partial<JobSettings>;
}

/**
 * An app's CronJob (cdk8s-plus-27): a Job on `schedule` (UTC) whose pod is restricted like an app Deployment's.
 * Runs do not overlap unless asked, a run that cannot start within its deadline is skipped, and the last three
 * successful and last failed Jobs are kept for their logs.
 */
export class AppCronJob extends Construct {
  readonly cronJob: kplus.CronJob;

  constructor(scope: Construct, id: string, props: AppCronJobProps) {
    super(scope, id);
    const fields = props.schedule.trim().split(/\s+/);
    if (fields.length !== 5) throw new Error(`'schedule' (${props.schedule}) must have five fields: minute hour day-of-month month day-of-week`);
    const [minute, hour, day, month, weekDay] = fields as [string, string, string, string, string];
    const job = { ...DEFAULT_JOB, ...props.job };
    const { workload, annotations } = appPodProps(this, props, { reload: false });
    this.cronJob = new kplus.CronJob(this, 'resource', {
      ...workload,
      schedule: Cron.schedule({ minute, hour, day, month, weekDay }),
      timeZone: 'Etc/UTC',
      concurrencyPolicy: job.concurrencyPolicy as kplus.ConcurrencyPolicy,
      startingDeadline: Duration.seconds(job.startingDeadlineSeconds),
      backoffLimit: job.backoffLimit,
      activeDeadline: Duration.seconds(job.activeDeadlineSeconds),
    });
    restrictPod(ApiObject.of(this.cronJob), '/spec/jobTemplate/spec/template', annotations);
  }
}

/** How a CronJob's or Job's runs behave when the app does not say. */
export const DEFAULT_JOB: JobSettings = { backoffLimit: 2, activeDeadlineSeconds: 3600, concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 300 };
