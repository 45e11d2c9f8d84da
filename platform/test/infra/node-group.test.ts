import { describe, expect, it } from 'vitest';
import { NodeGroup, isArm, nodeUserData } from '../../src/infra/node-group.js';
import { find, renderObjects } from './_render.js';

const base = { cluster: 'prod', accountId: '333333333333', region: 'eu-west-1', kubernetesVersion: '1.34', zoneIndexes: [0, 1, 2], minSize: 0, maxSize: 12 };

describe('NodeGroup', () => {
  const objects = renderObjects(
    (c) => new NodeGroup(c, 'batch', { ...base, name: 'batch', instanceTypes: ['c6i.2xlarge', 'c5.2xlarge'], labels: { 'workload-class': 'batch' }, taints: [{ key: 'workload-class', value: 'batch', effect: 'NoSchedule' }] }),
  );

  it('GIVEN a group WHEN rendered THEN the launch template resolves the AMI from SSM, requires IMDSv2 and encrypts the root volume with the cluster key', () => {
    const lt = find(objects, 'LaunchTemplate').spec.forProvider;
    expect(lt.imageId).toBe('resolve:ssm:/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id');
    expect(lt.blockDeviceMappings[0].ebs).toEqual({ volumeSize: 50, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true', kmsKeyIdRef: { name: 'cluster' } });
  });

  it('GIVEN a group WHEN rendered THEN the instance metadata hop limit is 1, so a pod (one hop further than the node) cannot take the node role', () => {
    const lt = find(objects, 'LaunchTemplate').spec.forProvider;
    expect(lt.metadataOptions).toEqual({ httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 });
  });

  it('GIVEN a group WHEN rendered THEN the root volume is encrypted with the cluster key', () => {
    const lt = find(objects, 'LaunchTemplate').spec.forProvider;
    expect(lt.blockDeviceMappings[0].ebs).toEqual({ volumeSize: 50, volumeType: 'gp3', encrypted: 'true', deleteOnTermination: 'true', kmsKeyIdRef: { name: 'cluster' } });
  });

  it('GIVEN a group WHEN rendered THEN the ASG spans the compute subnets, prefers the first type and propagates autoscaler tags', () => {
    const asg = find(objects, 'AutoscalingGroup');
    expect(asg.metadata.annotations).toEqual({ 'crossplane.io/external-name': 'prod-batch' });
    expect(asg.spec.forProvider.vpcZoneIdentifierRefs).toEqual([{ name: 'compute-0' }, { name: 'compute-1' }, { name: 'compute-2' }]);
    expect(asg.spec.forProvider.mixedInstancesPolicy.launchTemplate.override).toEqual([{ instanceType: 'c6i.2xlarge' }, { instanceType: 'c5.2xlarge' }]);
    expect(asg.spec.initProvider).toEqual({ desiredCapacity: 0 });
    const tags = Object.fromEntries(asg.spec.forProvider.tag.map((t: { key: string; value: string; propagateAtLaunch: boolean }) => [t.key, `${t.value}${t.propagateAtLaunch ? '' : ' (not propagated)'}`]));
    expect(tags).toMatchObject({
      'k8s.io/cluster-autoscaler/enabled': 'true',
      'k8s.io/cluster-autoscaler/prod': 'owned',
      'k8s.io/cluster-autoscaler/node-template/label/workload-class': 'batch',
      'k8s.io/cluster-autoscaler/node-template/taint/workload-class': 'batch:NoSchedule',
      'kubernetes.io/cluster/prod': 'owned',
    });
  });

  it('GIVEN labels and taints WHEN building user data THEN nodeadm registers them', () => {
    const script = nodeUserData('prod', 'eu-west-1', { a: 'b' }, [{ key: 'k', value: 'v', effect: 'NoExecute' }]);
    expect(script).toContain('aws eks describe-cluster --region eu-west-1 --name prod');
    expect(script).toContain('      - "--node-labels=a=b"\n      - "--register-with-taints=k=v:NoExecute"');
  });

  it('GIVEN Graviton and Intel types WHEN mixed in one group THEN fails naming the types', () => {
    expect(isArm('m7g.large')).toBe(true);
    expect(isArm('m6i.large')).toBe(false);
    expect(() => renderObjects((c) => new NodeGroup(c, 'x', { ...base, name: 'x', instanceTypes: ['m7g.large', 'm6i.large'] }))).toThrow(
      "NodeGroup 'x': 'instanceTypes' (m7g.large, m6i.large) mix arm64 and x86_64",
    );
  });
});
