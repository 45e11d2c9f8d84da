import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/commands/validate.js';
import type { OutObject } from '../../src/out-tree.js';
import { checkSecurityBaseline } from '../../src/validate/security-baseline.js';
import { readOutTree } from '../../src/out-tree.js';

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

  describe('Pod Security restricted in tenant namespaces', () => {
    const restricted = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] };
    const loose = { containers: [{ name: 'app', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_BIND_SERVICE'] } } }] };
    const workloads = (pod: Record<string, unknown>) => [
      inT('Deployment', { template: { spec: pod } }, 'apps/v1'),
      inT('CronJob', { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: pod } } } }, 'batch/v1'),
      inT('Job', { template: { spec: pod } }, 'batch/v1'),
    ];

    it('GIVEN restricted pods of every workload kind WHEN checked THEN there is no problem', () => {
      expect(run([...FENCED, ...workloads(restricted)])).toEqual([]);
    });

    it('GIVEN a CronJob and a Job that are not restricted WHEN checked THEN they are held to the same rules as a Deployment', () => {
      const problems = run([...FENCED, ...workloads(loose)]);
      expect(problems.filter((p) => p.includes('CronJob/t/cronjob'))).toEqual([
        'out/c/tenants/t/x.yaml: CronJob/t/cronjob: spec.jobTemplate.spec.template.spec.securityContext.runAsNonRoot: security baseline: tenant pods must run as non-root (runAsNonRoot: true on the pod or every container)',
        'out/c/tenants/t/x.yaml: CronJob/t/cronjob: spec.jobTemplate.spec.template.spec.securityContext.seccompProfile: security baseline: tenant pods must use the seccomp profile RuntimeDefault or Localhost (on the pod or every container)',
        'out/c/tenants/t/x.yaml: CronJob/t/cronjob: spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation: security baseline: tenant containers must set allowPrivilegeEscalation: false',
        'out/c/tenants/t/x.yaml: CronJob/t/cronjob: spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.drop: security baseline: tenant containers must drop every capability (drop: [ALL])',
        'out/c/tenants/t/x.yaml: CronJob/t/cronjob: spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add: security baseline: tenant containers may add no capability but NET_BIND_SERVICE (found NET_ADMIN)',
      ]);
      expect(problems.filter((p) => p.includes('Job/t/job:'))).toHaveLength(5);
      expect(problems.filter((p) => p.includes('Deployment/t/deployment:'))).toHaveLength(5);
    });

    it('GIVEN an unrestricted workload outside tenant namespaces WHEN checked THEN this rule does not apply', () => {
      expect(run(workloads(loose))).toEqual([]);
    });
  });

  describe('network policy enforcement and instance metadata', () => {
    const infra = (kind: string, name: string, forProvider: Record<string, unknown>, apiVersion: string) =>
      at({ apiVersion, kind, metadata: { name, namespace: 'infra-c' }, spec: { forProvider } }, `out/c/infra/${kind.toLowerCase()}-${name}.yaml`);
    const cluster = infra('Cluster', 'cluster', { region: 'eu-west-2' }, 'eks.aws.m.upbound.io/v1beta1');
    const cni = (forProvider: Record<string, unknown> = { configurationValues: '{"enableNetworkPolicy":"true"}' }) =>
      infra('Addon', 'vpc-cni', { addonName: 'vpc-cni', ...forProvider }, 'eks.aws.m.upbound.io/v1beta1');
    const template = (metadataOptions: Record<string, unknown>) => infra('LaunchTemplate', 'nodes-system', { metadataOptions }, 'ec2.aws.m.upbound.io/v1beta1');
    const FENCED_INFRA = [cluster, cni(), template({ httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1 })];

    it('GIVEN a cluster whose vpc-cni enforces NetworkPolicy and whose launch template has hop limit 1 WHEN checked THEN there is no problem', () => {
      expect(run(FENCED_INFRA)).toEqual([]);
    });

    it('GIVEN the vpc-cni Addon without configurationValues WHEN checked THEN NetworkPolicy enforcement is reported missing', () => {
      expect(run([cluster, cni({}), FENCED_INFRA[2]!])).toEqual([
        'out/c/infra/addon-vpc-cni.yaml: Addon/infra-c/vpc-cni: spec.forProvider.configurationValues: security baseline: the vpc-cni Addon must enforce NetworkPolicy (enableNetworkPolicy: "true"); found none',
      ]);
    });

    it('GIVEN the vpc-cni Addon with enableNetworkPolicy "false" or unparsable values WHEN checked THEN each is a problem', () => {
      expect(run([cni({ configurationValues: '{"enableNetworkPolicy":"false"}' })])).toEqual([
        'out/c/infra/addon-vpc-cni.yaml: Addon/infra-c/vpc-cni: spec.forProvider.configurationValues: security baseline: the vpc-cni Addon must enforce NetworkPolicy (enableNetworkPolicy: "true"); found "false"',
      ]);
      expect(run([cni({ configurationValues: 'enableNetworkPolicy: true' })])).toHaveLength(1);
    });

    it('GIVEN an EKS cluster without a vpc-cni Addon WHEN checked THEN the cluster is reported', () => {
      expect(run([cluster])).toEqual([
        'out/c/infra/cluster-cluster.yaml: Cluster/infra-c/cluster: security baseline: every EKS cluster must have a vpc-cni Addon that enforces NetworkPolicy (configurationValues {"enableNetworkPolicy":"true"}); found none',
      ]);
    });

    it('GIVEN a launch template with hop limit 2 or without IMDSv2 WHEN checked THEN each is a problem', () => {
      expect(run([template({ httpEndpoint: 'enabled', httpTokens: 'optional', httpPutResponseHopLimit: 2 })])).toEqual([
        'out/c/infra/launchtemplate-nodes-system.yaml: LaunchTemplate/infra-c/nodes-system: spec.forProvider.metadataOptions.httpTokens: security baseline: launch templates must require IMDSv2 (httpTokens: required); found optional',
        "out/c/infra/launchtemplate-nodes-system.yaml: LaunchTemplate/infra-c/nodes-system: spec.forProvider.metadataOptions.httpPutResponseHopLimit: security baseline: launch templates must set the metadata hop limit to 1, out of pods' reach; found 2",
      ]);
      expect(run([template({})])).toHaveLength(2);
    });

    it('GIVEN the committed out/ WHEN checked as is THEN it passes; WHEN network policy enforcement or the hop limit is removed THEN it fails', () => {
      const objects = readOutTree(new URL('../../../out', import.meta.url).pathname);
      const strip = (o: OutObject): OutObject => {
        const fp = ((o.object['spec'] as Record<string, unknown> | undefined)?.['forProvider'] ?? {}) as Record<string, unknown>;
        if (o.object['kind'] === 'Addon' && fp['addonName'] === 'vpc-cni') {
          const { configurationValues: _, ...rest } = fp;
          return { ...o, object: { ...o.object, spec: { ...(o.object['spec'] as object), forProvider: rest } } };
        }
        if (o.object['kind'] === 'LaunchTemplate') {
          return { ...o, object: { ...o.object, spec: { ...(o.object['spec'] as object), forProvider: { ...fp, metadataOptions: { ...(fp['metadataOptions'] as object), httpPutResponseHopLimit: 2 } } } } };
        }
        return o;
      };
      expect(objects.filter((o) => o.object['kind'] === 'LaunchTemplate').length).toBeGreaterThan(0);
      expect(run(objects)).toEqual([]);
      const problems = run(objects.map(strip));
      const cnis = objects.filter((o) => o.object['kind'] === 'Addon' && JSON.stringify(o.object).includes('"addonName":"vpc-cni"')).length;
      const templates = objects.filter((o) => o.object['kind'] === 'LaunchTemplate').length;
      expect(problems.filter((p) => p.includes('enableNetworkPolicy'))).toHaveLength(cnis);
      expect(problems.filter((p) => p.includes('hop limit'))).toHaveLength(templates);
      expect(problems).toHaveLength(cnis + templates);
    });
  });
});
