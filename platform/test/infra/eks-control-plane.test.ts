import { describe, expect, it } from 'vitest';
import { EKS_ADDONS, EksControlPlane } from '../../src/infra/eks-control-plane.js';
import { find, renderObjects } from './_render.js';

const props = { cluster: 'prod', accountId: '333333333333', region: 'eu-west-1', version: '1.34', zoneIndexes: [0, 1, 2], secretsKeyArn: 'arn:aws:kms:eu-west-1:333333333333:alias/prod' };

describe('EksControlPlane', () => {
  const objects = renderObjects((c) => new EksControlPlane(c, 'eks', props));

  it('GIVEN a cluster WHEN rendered THEN the vpc-cni add-on starts its network policy agent, so NetworkPolicies are enforced', () => {
    const cni = find(objects, 'Addon', 'vpc-cni').spec.forProvider;
    expect(cni.addonName).toBe('vpc-cni');
    expect(JSON.parse(cni.configurationValues)).toEqual({ enableNetworkPolicy: 'true' });
  });

  it('GIVEN a cluster WHEN rendered THEN every EKS add-on is rendered and only vpc-cni carries configuration values', () => {
    const addons = objects.filter((o) => o.kind === 'Addon');
    expect(addons.map((a) => a.spec.forProvider.addonName).sort()).toEqual([...EKS_ADDONS].sort());
    expect(addons.filter((a) => a.spec.forProvider.configurationValues !== undefined).map((a) => a.metadata.name)).toEqual(['vpc-cni']);
  });
});
