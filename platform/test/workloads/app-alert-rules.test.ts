import { describe, expect, it } from 'vitest';
import { appAlertRules, ingressMetricsService, jobNamePattern, podNamePattern } from '../../src/workloads/app-alert-rules.js';
import { appSettings } from '../../src/workloads/app-settings.js';
import type { App } from '@platform/schemas';
import { LOADED_DEFAULTS } from './_app.js';

const defaults = { requests: { cpu: '10m', memory: '100Mi' }, limits: { cpu: '1', memory: '1Gi' } };
const settings = (app: Partial<App>) =>
  appSettings({ name: 'api', image: { repository: 'r/api', tag: '1.0.0' }, secrets: {}, serviceAccount: { awsAccess: false }, environments: {}, ...LOADED_DEFAULTS, ...app }, { tenant: 'shop', cluster: 'c', environment: 'staging', defaults });

describe('appAlertRules', () => {
  it('GIVEN a Deployment with an ingress WHEN its rules are made THEN crash looping and the 5xx rate at the ingress controller are watched, labelled for the tenant', () => {
    const rules = appAlertRules(settings({ port: 8080, ingress: { host: 'api.example.com', path: '/', public: true } }));
    expect(rules).toMatchInlineSnapshot(`
      [
        {
          "alert": "AppCrashLooping",
          "annotations": {
            "description": "A container of {{ $labels.pod }} has been restarting (CrashLoopBackOff) for 15 minutes. Check its logs and recent changes to api.",
            "summary": "Pod {{ $labels.pod }} of api keeps crashing",
          },
          "expr": "max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff", namespace="shop", pod=~"api-[bcdfghjklmnpqrstvwxz2456789]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}"}[5m]) >= 1",
          "for": "15m",
          "labels": {
            "app": "api",
            "namespace": "shop",
            "severity": "warning",
            "tenant": "shop",
          },
        },
        {
          "alert": "AppHighErrorRate",
          "annotations": {
            "description": "More than 5% of the requests to api have failed with a 5xx status for 10 minutes.",
            "summary": "api answers {{ $value | humanizePercentage }} of requests with 5xx",
          },
          "expr": "sum(rate(traefik_service_requests_total{exported_service="shop-api-http@kubernetes", code=~"5.."}[5m])) / sum(rate(traefik_service_requests_total{exported_service="shop-api-http@kubernetes"}[5m])) > 0.05",
          "for": "10m",
          "labels": {
            "app": "api",
            "namespace": "shop",
            "severity": "critical",
            "tenant": "shop",
          },
        },
      ]
    `);
  });

  it('GIVEN metrics and no ingress WHEN its rules are made THEN the 5xx rate comes from the app\'s own http_requests_total', () => {
    const [, errors] = appAlertRules(settings({ port: 8080, metrics: { path: '/metrics', interval: '30s' } }));
    expect(errors?.expr).toBe('sum(rate(http_requests_total{namespace="shop", service="api", code=~"5.."}[5m])) / sum(rate(http_requests_total{namespace="shop", service="api"}[5m])) > 0.05');
  });

  it('GIVEN a worker without ingress or metrics WHEN its rules are made THEN there is no 5xx rule to measure', () => {
    expect(appAlertRules(settings({ replicas: 1 })).map((r) => r.alert)).toEqual(['AppCrashLooping']);
  });

  it('GIVEN a CronJob WHEN its rules are made THEN failed runs are watched instead of crash loops', () => {
    const [rule] = appAlertRules(settings({ kind: 'CronJob', schedule: '0 * * * *' }));
    expect(rule?.alert).toBe('AppJobFailed');
    expect(rule?.expr).toBe('kube_job_failed{condition="true", namespace="shop", job_name=~"api-[0-9]+"} == 1');
  });

  it('GIVEN defaults switched off and a rule of its own WHEN its rules are made THEN only the own rule remains, with routing labels and annotations', () => {
    const rules = appAlertRules(settings({
      port: 8080,
      ingress: { host: 'api.example.com', path: '/', public: true },
      alerts: {
        defaults: { crashLooping: false, jobFailed: true, errorRate: false },
        rules: [{ name: 'QueueBacklog', expr: 'queue_depth{namespace="shop"} > 100', for: '5m', severity: 'info', summary: 'Backlog', runbookUrl: 'https://runbooks.example.com/backlog' }],
      },
    }));
    expect(rules).toEqual([{
      alert: 'QueueBacklog', expr: 'queue_depth{namespace="shop"} > 100', for: '5m',
      labels: { severity: 'info', tenant: 'shop', namespace: 'shop', app: 'api' },
      annotations: { summary: 'Backlog', runbook_url: 'https://runbooks.example.com/backlog' },
    }]);
  });

  it('GIVEN app names WHEN matched against pod and Job names THEN only the app\'s own match', () => {
    const deployment = new RegExp(`^${podNamePattern({ name: 'api', kind: 'Deployment' })}$`);
    expect(['api-7c9d8f6b5-x2kzq', 'api-admin-7c9d8f6b5-x2kzq', 'api-x2kzq'].map((p) => deployment.test(p))).toEqual([true, false, false]);
    const cron = new RegExp(`^${jobNamePattern({ name: 'sweep', kind: 'CronJob' })}$`);
    expect(['sweep-29381740', 'sweep-old-29381740'].map((j) => cron.test(j))).toEqual([true, false]);
    expect(jobNamePattern({ name: 'setup', kind: 'Job' })).toBe('setup');
    expect(ingressMetricsService({ name: 'api', namespace: 'shop' })).toBe('shop-api-http@kubernetes');
  });
});
