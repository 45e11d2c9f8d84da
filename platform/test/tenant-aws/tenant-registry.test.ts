import { describe, expect, it } from 'vitest';
import { TenantRegistry, type TenantRegistryProps, tenantRegistryImage } from '../../src/tenant-aws/tenant-registry.js';
import { ENV, newChart, objectsOf, one } from './_env.js';

const MGMT_ROLE = 'arn:aws:iam::111111111111:role/management-image-reflector-controller';
const NODES = 'arn:aws:iam::123456789012:role/stage-eks-node';

function repositoryPolicy(extra: Partial<TenantRegistryProps> = {}) {
  const chart = newChart();
  new TenantRegistry(chart, 'registry', { env: ENV, name: 'web', kmsKeyRef: { name: 'key' }, githubRepositories: ['acme/web'], nodeRoleArn: NODES, ...extra });
  const policy = one(objectsOf(chart), 'RepositoryPolicy').spec.forProvider!.policy as string;
  return JSON.parse(policy).Statement as { Sid: string; Principal: { AWS: string | string[] }; Action: string[] }[];
}

describe('TenantRegistry', () => {
  it('GIVEN a registry WHEN apps name it THEN its image is <account>.dkr.ecr.<region>.amazonaws.com/<cluster>-<tenant>-<name>', () => {
    expect(tenantRegistryImage(ENV, 'web')).toBe('123456789012.dkr.ecr.eu-west-2.amazonaws.com/stage-shop-web');
  });

  it('GIVEN no other readers WHEN rendered THEN the repository policy admits the cluster nodes (pull) and the CI role (push) only', () => {
    const statements = repositoryPolicy();
    expect(statements.map((s) => [s.Sid, s.Principal.AWS])).toEqual([
      ['NodesPull', NODES],
      ['CiPushes', 'arn:aws:iam::123456789012:role/stage-shop-ci-web'],
    ]);
  });

  it("GIVEN image automation follows one of its images and prod runs it WHEN rendered THEN prod's nodes pull and the management role may list and read", () => {
    const prodNodes = 'arn:aws:iam::333333333333:role/prod-eks-node';
    const statements = repositoryPolicy({ otherNodeRoleArns: [prodNodes, NODES, prodNodes], imageAutomationRoleArn: MGMT_ROLE });
    expect(statements.find((s) => s.Sid === 'NodesPull')!.Principal.AWS).toEqual([NODES, prodNodes]);
    expect(statements.find((s) => s.Sid === 'ImageAutomationScans')).toEqual({
      Sid: 'ImageAutomationScans',
      Effect: 'Allow',
      Principal: { AWS: MGMT_ROLE },
      Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:DescribeImages', 'ecr:GetDownloadUrlForLayer', 'ecr:ListImages'],
    });
  });
});
