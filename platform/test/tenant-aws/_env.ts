import { Chart, Testing } from 'cdk8s';
import type { TenantAwsEnv, TenantNetwork } from '../../src/tenant-aws/tenant-aws-env.js';
import { validateManifest } from '../../src/validation/manifest-validator.js';

/** A tenant `shop` on cluster `stage`. */
export const ENV: TenantAwsEnv = { cluster: 'stage', tenant: 'shop', namespace: 'shop', accountId: '123456789012', region: 'eu-west-2', environment: 'staging' };
export const PROD: TenantAwsEnv = { ...ENV, cluster: 'prod', environment: 'production' };
export const NETWORK: TenantNetwork = { vpcId: 'vpc-0123456789abcdef0', secureSubnetIds: ['subnet-0000000a', 'subnet-0000000b', 'subnet-0000000c'], computeSecurityGroupId: 'sg-0000000c' };

export type Obj = Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string }; spec: Record<string, unknown> & { forProvider?: Record<string, unknown>; managementPolicies?: string[] } };

export function newChart(): Chart {
  return new Chart(Testing.app(), 'test');
}

/** The chart's objects, each checked against its registered schema. */
export function objectsOf(chart: Chart): Obj[] {
  const objs = chart.toJson() as Obj[];
  for (const o of objs) {
    const problems = validateManifest(o);
    if (problems.length > 0) throw new Error(`${o.kind}/${o.metadata.name}: ${problems.join('; ')}`);
  }
  return objs;
}

export const byKind = (objs: readonly Obj[], kind: string) => objs.filter((o) => o.kind === kind);
export const one = (objs: readonly Obj[], kind: string): Obj => {
  const found = byKind(objs, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
};
