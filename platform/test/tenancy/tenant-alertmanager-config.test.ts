import { describe, expect, it } from 'vitest';
import { TenantAlertmanagerConfig } from '../../src/tenancy/tenant-alertmanager-config.js';
import { validateManifest } from '../../src/validation/manifest-validator.js';
import { renderObjects } from '../infra/_render.js';

describe('TenantAlertmanagerConfig', () => {
  const [config] = renderObjects((c) => new TenantAlertmanagerConfig(c, 'alerts', { namespace: 'payments-jobs', slackChannel: '#payments-alerts' }));

  it("GIVEN a tenant namespace WHEN rendered THEN its alerts go to the team's channel, with no credential of its own", () => {
    expect(config!.metadata).toEqual({ name: 'team-slack', namespace: 'payments-jobs' });
    expect(config!.spec.route).toMatchObject({ receiver: 'slack', groupBy: ['alertname', 'namespace'] });
    const slack = config!.spec.receivers[0].slackConfigs[0];
    expect(slack).toMatchObject({ channel: '#payments-alerts', sendResolved: true });
    expect(slack.apiURL).toBeUndefined();
    expect(slack.httpConfig).toBeUndefined();
  });

  it('GIVEN the route WHEN read THEN it adds no matcher of its own: the operator scopes it to the namespace (OnNamespace)', () => {
    expect(config!.spec.route.matchers).toBeUndefined();
    expect(validateManifest(config!)).toEqual([]);
  });
});
