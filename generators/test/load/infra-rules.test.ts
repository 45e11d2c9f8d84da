import { describe, expect, it } from 'vitest';
import { clusterYaml, loadProblems, writeFleet } from './_fixtures.js';

const cluster = (name: string, network: string, extra = '') => clusterYaml(name, { network: `${network}\n`, extra });

/** Loads a fleet of mgmt (10.0.0.0/16) and one `stage` cluster; returns the printed problems. */
function problemsOf(stageNetwork: string, stageExtra = ''): string[] {
  const files = { 'clusters/mgmt.yaml': cluster('mgmt', '  vpcCidr: 10.0.0.0/16'), 'clusters/stage.yaml': cluster('stage', stageNetwork, stageExtra) };
  return loadProblems(writeFleet('infra-rules-', files));
}

describe('infra rules', () => {
  it('GIVEN the default tiers WHEN the VPC is a /17 THEN they fit', () => {
    expect(problemsOf('  vpcCidr: 10.1.0.0/17')).toEqual([]);
  });

  it('GIVEN the default tiers WHEN the VPC is a /18 THEN reports the VPC line with the size needed', () => {
    expect(problemsOf('  vpcCidr: 10.1.0.0/18')).toEqual([
      'clusters/stage.yaml:8:12: network.vpcCidr: VPC 10.1.0.0/18 (16384 addresses) is too small for 3 zones x 4 tiers (compute /19, secure /22, elb /24, mgmt /26: 28608 addresses); allowed: a VPC of /17 or larger, or smaller tiers',
    ]);
  });

  it('GIVEN a /22 VPC WHEN the compute tier is a /19 THEN reports the tier line: a tier larger than the VPC', () => {
    expect(problemsOf('  vpcCidr: 10.1.0.0/22\n  subnetPrefixLengths:\n    compute: 19')).toEqual([
      'clusters/stage.yaml:10:14: network.subnetPrefixLengths.compute: compute subnets are /19, larger than the VPC 10.1.0.0/22; allowed: a prefix length of at least /22',
    ]);
  });

  it('GIVEN small tiers WHEN they fit a /22 THEN there is no problem', () => {
    expect(problemsOf('  vpcCidr: 10.1.0.0/22\n  subnetPrefixLengths: {compute: 25, secure: 27, elb: 27, mgmt: 28}')).toEqual([]);
  });

  it('GIVEN overlapping VPCs WHEN loaded THEN both files name the other cluster', () => {
    expect(problemsOf('  vpcCidr: 10.0.128.0/17')).toEqual([
      'clusters/mgmt.yaml:9:12: network.vpcCidr: VPC 10.0.0.0/16 overlaps 10.0.128.0/17 of cluster "stage"; allowed: VPC CIDRs that do not overlap across the fleet',
      'clusters/stage.yaml:8:12: network.vpcCidr: VPC 10.0.128.0/17 overlaps 10.0.0.0/16 of cluster "mgmt"; allowed: VPC CIDRs that do not overlap across the fleet',
    ]);
  });

  it('GIVEN a cluster file copied with another cluster\'s network.ids WHEN loaded THEN each copied id is an error in both files', () => {
    const ids = '  ids:\n    vpcId: vpc-0a1b2c3d4e5f60718\n    secureSubnetIds: [subnet-0a10000000000a001, subnet-0a10000000000b002, subnet-0a10000000000c003]\n    computeSecurityGroupId: sg-0a1000000000c0a11';
    const files = {
      'clusters/mgmt.yaml': cluster('mgmt', '  vpcCidr: 10.0.0.0/16'),
      'clusters/stage.yaml': cluster('stage', `  vpcCidr: 10.1.0.0/16\n${ids}`),
      'clusters/stage2.yaml': cluster('stage2', `  vpcCidr: 10.2.0.0/16\n${ids}`),
    };
    const problems = loadProblems(writeFleet('infra-rules-', files));
    expect(problems).toHaveLength(10);
    expect(problems[0]).toBe(
      'clusters/stage.yaml:10:12: network.ids.vpcId: found vpc-0a1b2c3d4e5f60718, which cluster stage2 (clusters/stage2.yaml, region eu-west-2) also lists; ' +
        "allowed: an id of this cluster's own VPC in eu-west-2 (a copied cluster file keeps the other cluster's ids: remove network.ids until this cluster's first apply, then fill in its own)",
    );
    expect(problems.filter((p) => p.startsWith('clusters/stage2.yaml:')).length).toBe(5);
  });

  it('GIVEN node groups WHEN names repeat or sizes are out of order THEN each is reported', () => {
    const groups = 'nodeGroups:\n  - {name: a, minSize: 5, maxSize: 2}\n  - {name: a, minSize: 1, maxSize: 3, desiredSize: 4}\n';
    expect(problemsOf('  vpcCidr: 10.1.0.0/16', groups)).toEqual([
      'clusters/stage.yaml:12:24: nodeGroups[0].minSize: found 5, above maxSize 2; allowed: 0 to 2',
      'clusters/stage.yaml:13:12: nodeGroups[1].name: duplicate node group "a"; allowed: a name used once per cluster',
      'clusters/stage.yaml:13:52: nodeGroups[1].desiredSize: found 4; allowed: 1 to 3 (minSize to maxSize)',
    ]);
  });

  it('GIVEN database access networks WHEN a name repeats, a CIDR has host bits or one overlaps the VPC THEN each is reported', () => {
    const nets = (...lines: string[]) => `tenancy:\n  databaseAccessCidrs:\n${lines.map((l) => `    - ${l}\n`).join('')}`;
    expect(problemsOf('  vpcCidr: 10.1.0.0/16', nets('{ name: vpn, cidr: 10.200.0.0/16 }', '{ name: peer, cidr: 172.16.0.0/12 }'))).toEqual([]);
    expect(problemsOf('  vpcCidr: 10.1.0.0/16', nets('{ name: vpn, cidr: 10.200.0.1/16 }', '{ name: vpn, cidr: 10.1.8.0/24 }', '{ name: all, cidr: 0.0.0.0/0 }'))).toEqual([
      'clusters/stage.yaml:13:26: tenancy.databaseAccessCidrs[0].cidr: found "10.200.0.1/16": \'10.200.0.1/16\' has host bits set; the network address is 10.200.0.0/16; allowed: an IPv4 network address',
      'clusters/stage.yaml:14:15: tenancy.databaseAccessCidrs[1].name: duplicate network "vpn"; allowed: a name used once per cluster',
      'clusters/stage.yaml:14:26: tenancy.databaseAccessCidrs[1].cidr: found "10.1.8.0/24", which overlaps the cluster\'s VPC 10.1.0.0/16 and would admit every tenant\'s pods; allowed: a network outside the VPC',
      'clusters/stage.yaml:15:26: tenancy.databaseAccessCidrs[2].cidr: found "0.0.0.0/0", which overlaps the cluster\'s VPC 10.1.0.0/16 and would admit every tenant\'s pods; allowed: a network outside the VPC',
    ]);
  });

  it('GIVEN bastion mode WHEN no CIDR is listed THEN reports the access list', () => {
    expect(problemsOf('  vpcCidr: 10.1.0.0/16', 'access:\n  ssh:\n    mode: bastion\n')).toEqual([
      'clusters/stage.yaml:13:5: access.ssh.cidrs: found no CIDRs for mode bastion; allowed: at least one CIDR (or mode ssm)',
    ]);
  });

  it('GIVEN crossplane credentials IRSA WHEN the cluster file has no OIDC issuer THEN reports the credentials line with what is allowed', () => {
    expect(problemsOf('  vpcCidr: 10.1.0.0/16', 'crossplane:\n  credentials: IRSA\n')).toEqual([
      'clusters/stage.yaml:12:16: crossplane.credentials: found IRSA without kubernetes.oidcIssuer; allowed: PodIdentity, or IRSA once kubernetes.oidcIssuer is set to the issuer EKS gave the cluster (after its first apply with PodIdentity)',
    ]);
  });

  it('GIVEN crossplane credentials IRSA WHEN the issuer is set THEN there is no problem; GIVEN an issuer of another region THEN reports it', () => {
    const irsa = (region: string) => `kubernetes:\n  oidcIssuer: oidc.eks.${region}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF\ncrossplane:\n  credentials: IRSA\n`;
    expect(problemsOf('  vpcCidr: 10.1.0.0/16', irsa('eu-west-2'))).toEqual([]);
    expect(problemsOf('  vpcCidr: 10.1.0.0/16', irsa('us-east-1'))).toEqual([
      'clusters/stage.yaml:12:15: kubernetes.oidcIssuer: found an issuer of region us-east-1; allowed: the issuer of this cluster, in eu-west-2 (oidc.eks.eu-west-2.amazonaws.com/id/<id>)',
    ]);
  });

  it('GIVEN an OIDC issuer WHEN it carries its https:// scheme THEN the schema rejects it', () => {
    const problems = problemsOf('  vpcCidr: 10.1.0.0/16', 'kubernetes:\n  oidcIssuer: https://oidc.eks.eu-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF\n');
    expect(problems).toEqual([
      'clusters/stage.yaml:12:15: kubernetes.oidcIssuer: found "https://oidc.eks.eu-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF"; allowed: a string matching /^oidc\\.eks\\.[a-z]{2}(-gov)?-[a-z]+-[0-9]\\.amazonaws\\.com/id/[0-9A-Z]{32}$/',
    ]);
  });
});
