import { describe, expect, it } from 'vitest';
import { iamName, irsaTrustPolicy, managedAttachmentName, podIdentityTrustPolicy, roleArn } from '../../src/infra/_iam.js';

describe('_iam', () => {
  it('GIVEN one ServiceAccount WHEN the Pod Identity trust is built THEN it names the cluster, namespace and account as strings', () => {
    expect(JSON.parse(podIdentityTrustPolicy('prod', 'kube-system', ['ebs-csi-controller-sa'])).Statement[0].Condition).toEqual({
      StringEquals: {
        'aws:RequestTag/eks-cluster-name': 'prod',
        'aws:RequestTag/kubernetes-namespace': 'kube-system',
        'aws:RequestTag/kubernetes-service-account': 'ebs-csi-controller-sa',
      },
    });
  });

  it('GIVEN an issuer and one ServiceAccount WHEN the IRSA trust is built THEN only that ServiceAccount may assume it with an STS token of that issuer', () => {
    const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';
    expect(JSON.parse(irsaTrustPolicy('333333333333', issuer, 'crossplane-system', ['provider-aws'])).Statement).toEqual([
      {
        Sid: 'EksIrsa',
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::333333333333:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:crossplane-system:provider-aws', [`${issuer}:aud`]: 'sts.amazonaws.com' } },
      },
    ]);
    const two = JSON.parse(irsaTrustPolicy('333333333333', issuer, 'thanos', ['a', 'b'])).Statement[0].Condition.StringEquals;
    expect(two[`${issuer}:sub`]).toEqual(['system:serviceaccount:thanos:a', 'system:serviceaccount:thanos:b']);
  });

  it('GIVEN names WHEN derived THEN roles are <cluster>-<name> and attachments drop the policy path', () => {
    expect(iamName('prod', 'bastion')).toBe('prod-bastion');
    expect(roleArn('333333333333', 'prod', 'bastion')).toBe('arn:aws:iam::333333333333:role/prod-bastion');
    expect(managedAttachmentName('ebs-csi-driver', 'service-role/AmazonEBSCSIDriverPolicy')).toBe('ebs-csi-driver-amazonebscsidriverpolicy');
    expect(managedAttachmentName('eks-node', 'AmazonEKS_CNI_Policy')).toBe('eks-node-amazoneks-cni-policy');
  });
});
