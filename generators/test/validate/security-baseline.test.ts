import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/commands/validate.js';
import type { OutObject } from '../../src/out-tree.js';
import { checkSecurityBaseline } from '../../src/validate/security-baseline.js';

const at = (object: Record<string, unknown>, file = 'out/c/tenants/t/x.yaml'): OutObject => ({ cluster: 'c', path: file, layer: 'tenants', object });
const ns = (labels: Record<string, string>) => at({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 't', labels } });
const inT = (kind: string, spec: Record<string, unknown> = {}, apiVersion = 'v1') => at({ apiVersion, kind, metadata: { name: kind.toLowerCase(), namespace: 't' }, spec });
const FENCED = [
  ns({ 'platform.example.com/tenant': 't', 'platform.example.com/environment': 'staging', 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/warn': 'restricted' }),
  inT('NetworkPolicy', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, 'networking.k8s.io/v1'),
  inT('ResourceQuota'),
  inT('LimitRange'),
];
const run = (objects: OutObject[]) => checkSecurityBaseline(objects).map(formatProblem);

describe('security baseline', () => {
  it('GIVEN a fenced tenant namespace WHEN checked THEN there is no problem', () => {
    expect(run(FENCED)).toEqual([]);
  });

  it('GIVEN a tenant namespace without fences WHEN checked THEN each missing fence is named', () => {
    const open = [ns({ 'platform.example.com/tenant': 't', 'platform.example.com/environment': 'staging', 'pod-security.kubernetes.io/enforce': 'baseline' }), inT('NetworkPolicy', { podSelector: {}, policyTypes: ['Ingress'] }, 'networking.k8s.io/v1')];
    expect(run(open)).toEqual([
      'out/c/tenants/t/x.yaml: Namespace/t: metadata.labels.pod-security.kubernetes.io/enforce: security baseline: tenant namespace must have Pod Security "enforce: restricted" (found baseline)',
      'out/c/tenants/t/x.yaml: Namespace/t: metadata.labels.pod-security.kubernetes.io/audit: security baseline: tenant namespace must have Pod Security "audit: restricted" (found none)',
      'out/c/tenants/t/x.yaml: Namespace/t: metadata.labels.pod-security.kubernetes.io/warn: security baseline: tenant namespace must have Pod Security "warn: restricted" (found none)',
      'out/c/tenants/t/x.yaml: Namespace/t: security baseline: tenant namespace must have a NetworkPolicy denying all ingress and egress (podSelector {}, policyTypes [Ingress, Egress], no rules)',
      'out/c/tenants/t/x.yaml: Namespace/t: security baseline: tenant namespace must have a ResourceQuota',
      'out/c/tenants/t/x.yaml: Namespace/t: security baseline: tenant namespace must have a LimitRange',
    ]);
  });

  it('GIVEN a Secret with data WHEN checked THEN it is a problem', () => {
    expect(run([at({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 't' }, stringData: { password: 'x' } })])).toEqual([
      'out/c/tenants/t/x.yaml: Secret/t/s: stringData: security baseline: no Secret with data may be written to out/ (use an ExternalSecret or a connection secret)',
    ]);
  });

  it('GIVEN a bare bucket, an unrotated key and a wildcard IAM policy WHEN checked THEN each rule is named', () => {
    const mr = (apiVersion: string, kind: string, forProvider: Record<string, unknown>) => at({ apiVersion, kind, metadata: { name: 'b', namespace: 't' }, spec: { forProvider } });
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }] });
    expect(run([
      mr('s3.aws.m.upbound.io/v1beta1', 'Bucket', { region: 'eu-west-2' }),
      mr('s3.aws.m.upbound.io/v1beta1', 'BucketVersioning', { bucketRef: { name: 'b' }, versioningConfiguration: { status: 'Suspended' } }),
      mr('kms.aws.m.upbound.io/v1beta1', 'Key', { enableKeyRotation: false }),
      mr('iam.aws.m.upbound.io/v1beta1', 'Policy', { policy }),
    ])).toEqual([
      'out/c/tenants/t/x.yaml: Bucket/t/b: security baseline: bucket must be encrypted with KMS (no BucketServerSideEncryptionConfiguration that does so)',
      'out/c/tenants/t/x.yaml: Bucket/t/b: security baseline: bucket must be versioned (no BucketVersioning that does so)',
      'out/c/tenants/t/x.yaml: Bucket/t/b: security baseline: bucket must block every kind of public access (no BucketPublicAccessBlock that does so)',
      'out/c/tenants/t/x.yaml: Bucket/t/b: security baseline: bucket must deny requests not made over TLS (no BucketPolicy that does so)',
      'out/c/tenants/t/x.yaml: Key/t/b: spec.forProvider.enableKeyRotation: security baseline: every KMS key must rotate (enableKeyRotation: true)',
      'out/c/tenants/t/x.yaml: Policy/t/b: spec.forProvider.policy: security baseline: IAM policy must not allow every action (found "s3:*")',
      'out/c/tenants/t/x.yaml: Policy/t/b: spec.forProvider.policy: security baseline: IAM policy must name its resources: "*" with s3:*',
    ]);
  });

  it('GIVEN a privileged host workload and tenant apps reconciled as the platform WHEN checked THEN each is named', () => {
    const pod = { hostNetwork: true, volumes: [{ name: 'h', hostPath: { path: '/' } }], containers: [{ name: 'c', securityContext: { privileged: true } }] };
    expect(run([
      inT('Deployment', { template: { spec: pod } }, 'apps/v1'),
      at({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'apps-t', namespace: 'flux-system' }, spec: { path: './out/c/apps/t', serviceAccountName: 'kustomize-controller' } }),
      at({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'x' }, roleRef: { name: 'cluster-admin' }, subjects: [{ kind: 'ServiceAccount', name: 'tenant-t', namespace: 'flux-system' }] }),
    ])).toEqual([
      'out/c/tenants/t/x.yaml: Deployment/t/deployment: spec.template.spec.hostNetwork: security baseline: workloads may not use host namespaces',
      'out/c/tenants/t/x.yaml: Deployment/t/deployment: spec.template.spec.volumes[0].hostPath: security baseline: workloads may not mount hostPath volumes',
      'out/c/tenants/t/x.yaml: Deployment/t/deployment: spec.template.spec.containers[0].securityContext.privileged: security baseline: workloads may not run privileged containers',
      "out/c/tenants/t/x.yaml: Kustomization/flux-system/apps-t: spec.serviceAccountName: security baseline: tenant apps must be reconciled as the tenant's ServiceAccount (found kustomize-controller)",
      'out/c/tenants/t/x.yaml: ClusterRoleBinding/x: roleRef.name: security baseline: tenants may never be bound to cluster-admin',
    ]);
  });
});
