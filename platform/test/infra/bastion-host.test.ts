import { describe, expect, it } from 'vitest';
import { BastionHost } from '../../src/infra/bastion-host.js';
import { find, renderObjects } from './_render.js';

describe('BastionHost', () => {
  const objects = renderObjects((c) => new BastionHost(c, 'bastion', { cluster: 'prod', accountId: '333333333333', region: 'eu-west-1', zoneIndexes: [0, 1, 2] }));

  it('GIVEN a bastion WHEN rendered THEN one instance runs in the mgmt subnets of every zone', () => {
    const asg = find(objects, 'AutoscalingGroup', 'bastion');
    expect(asg.metadata.annotations).toEqual({ 'crossplane.io/external-name': 'prod-bastion' });
    expect(asg.spec.forProvider).toMatchObject({
      minSize: 1,
      maxSize: 1,
      desiredCapacity: 1,
      vpcZoneIdentifierRefs: [{ name: 'mgmt-0' }, { name: 'mgmt-1' }, { name: 'mgmt-2' }],
      launchTemplate: { idRef: { name: 'bastion' }, version: '$Latest' },
    });
  });

  it('GIVEN a bastion WHEN rendered THEN the launch template uses AL2023 from SSM, IMDSv2, the bastion group and an encrypted root volume', () => {
    const lt = find(objects, 'LaunchTemplate', 'bastion').spec.forProvider;
    expect(lt.imageId).toBe('resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64');
    expect(lt.metadataOptions).toEqual({ httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 });
    expect(lt.networkInterfaces).toEqual([{ deviceIndex: 0, associatePublicIpAddress: 'true', deleteOnTermination: 'true', securityGroupRefs: [{ name: 'bastion' }] }]);
    expect(lt.vpcSecurityGroupIdRefs).toBeUndefined();
    expect(lt.blockDeviceMappings[0].ebs).toEqual({ volumeSize: 8, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true', kmsKeyIdRef: { name: 'cluster' } });
    expect(lt.iamInstanceProfile).toEqual({ nameRef: { name: 'bastion' } });
  });

  it('GIVEN a bastion WHEN rendered THEN its role has only AmazonSSMManagedInstanceCore', () => {
    expect(objects.filter((o) => o.kind === 'RolePolicyAttachment').map((o) => o.spec.forProvider)).toEqual([
      { roleRef: { name: 'bastion' }, policyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' },
    ]);
    expect(objects.filter((o) => o.kind === 'Policy')).toEqual([]);
    expect(JSON.parse(find(objects, 'Role', 'bastion').spec.forProvider.assumeRolePolicy).Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    expect(find(objects, 'InstanceProfile', 'bastion').spec.forProvider.roleRef).toEqual({ name: 'bastion' });
  });
});
