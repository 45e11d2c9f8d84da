import { describe, expect, it } from 'vitest';
import { ImageReflectorRole, imageReflectorRoleArn } from '../../src/infra/image-reflector-role.js';
import { find, renderObjects } from './_render.js';

const base = { cluster: 'management', accountId: '111111111111', region: 'eu-west-2' };
const STAGING_API = { accountId: '222222222222', region: 'eu-west-2', name: 'staging-payments-api' };
const PROD_WEB = { accountId: '333333333333', region: 'eu-west-1', name: 'production-shop-web' };
const render = (repositories: (typeof STAGING_API)[]) => renderObjects((c) => new ImageReflectorRole(c, 'image-reflector', { ...base, repositories }));

describe('ImageReflectorRole', () => {
  it('GIVEN no followed app in ECR WHEN rendered THEN nothing is rendered', () => {
    expect(render([])).toEqual([]);
  });

  it('GIVEN two repositories in two accounts WHEN rendered THEN a Pod Identity role for the controller in flux-system, its policy and association', () => {
    const objects = render([PROD_WEB, STAGING_API, STAGING_API]);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'PodIdentityAssociation/image-reflector-controller', 'Policy/image-reflector-controller', 'Role/image-reflector-controller', 'RolePolicyAttachment/image-reflector-controller-own',
    ]);
    const role = find(objects, 'Role');
    expect(role.metadata.annotations).toEqual({ 'crossplane.io/external-name': 'management-image-reflector-controller' });
    expect(imageReflectorRoleArn('111111111111', 'management')).toBe('arn:aws:iam::111111111111:role/management-image-reflector-controller');
    expect(JSON.parse(role.spec.forProvider.assumeRolePolicy).Statement[0].Condition.StringEquals).toEqual({
      'aws:RequestTag/eks-cluster-name': 'management',
      'aws:RequestTag/kubernetes-namespace': 'flux-system',
      'aws:RequestTag/kubernetes-service-account': 'image-reflector-controller',
    });
    expect(find(objects, 'PodIdentityAssociation').spec.forProvider).toMatchObject({ namespace: 'flux-system', serviceAccount: 'image-reflector-controller', roleArnRef: { name: 'image-reflector-controller' } });
  });

  it('GIVEN two repositories WHEN rendered THEN the policy logs in only in their regions (stating why * is needed) and reads exactly those repositories', () => {
    const policy = JSON.parse(find(render([PROD_WEB, STAGING_API, STAGING_API]), 'Policy').spec.forProvider.policy);
    expect(policy.Statement).toEqual([
      { Sid: 'Login', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-west-2'] } } },
      {
        Sid: 'ScanRepositories',
        Effect: 'Allow',
        Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:DescribeImages', 'ecr:GetDownloadUrlForLayer', 'ecr:ListImages'],
        Resource: ['arn:aws:ecr:eu-west-1:333333333333:repository/production-shop-web', 'arn:aws:ecr:eu-west-2:222222222222:repository/staging-payments-api'],
      },
    ]);
  });
});
