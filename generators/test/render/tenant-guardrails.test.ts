/**
 * The attack suite of the tenancy at run time: what a team can try in the cluster with the access the platform
 * gives it. Every request is decided by the admission policies and RBAC objects rendered for the example fleet's
 * staging cluster (tenants payments, checkout and data-platform), evaluated as the API server would (_admission.ts,
 * _rbac.ts); nothing here copies an expression by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFleet } from '../../src/load/load-fleet.js';
import { renderCluster } from '../../src/render/render-cluster.js';
import { AdmissionControl, type AdmissionRequest, type Obj, type UserInfo, admissionObjectProblems, requestFor } from './_admission.js';
import { Rbac } from './_rbac.js';

const fleet = loadFleet(join(import.meta.dirname, '..', '..', '..'));
const renderedOf = (name: string) =>
  [...renderCluster(fleet, fleet.clusters.find((c) => c.spec.name === name)!)]
    .filter(([p]) => p.endsWith('.yaml') && !p.endsWith('kustomization.yaml'))
    .map(([path, text]) => ({ path, obj: parse(text) as Obj }));
const staging = renderedOf('staging');
const objects = staging.map((r) => r.obj);
const cluster = new AdmissionControl(objects);
const rbac = new Rbac(objects);

// Who acts. A team member comes in through the OIDC group of its GitHub team; a ServiceAccount carries its groups.
const sa = (namespace: string, name: string): UserInfo => ({
  username: `system:serviceaccount:${namespace}:${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
});
const paymentsAdmin: UserInfo = { username: 'github:mallory', groups: ['github:acme:payments', 'system:authenticated'] };
const checkoutEditor: UserInfo = { username: 'github:eve', groups: ['github:acme:checkout', 'system:authenticated'] };
const paymentsBot = sa('payments', 'ci-bot');
const paymentsReconciler = sa('flux-system', 'tenant-payments');
const kustomizeController = sa('flux-system', 'kustomize-controller');

const ECR_STAGING = '222222222222.dkr.ecr.eu-west-2.amazonaws.com';
const meta = (name: string, namespace = 'payments', extra: Partial<Obj['metadata']> = {}) => ({ name, namespace, ...extra });
/** A rendered object as it lives in the cluster once Flux applied it: labelled with the Kustomization of its folder. */
const live = (kind: string, name: string, namespace?: string): Obj => {
  const r = staging.find(({ obj: o }) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace);
  if (!r) throw new Error(`${kind} ${namespace}/${name} is not rendered`);
  const [layer, tenant] = r.path.split('/');
  const kustomization = layer === 'tenants' ? `tenant-${tenant}` : layer === 'apps' ? `apps-${tenant}` : layer!;
  const labels = { ...r.obj.metadata.labels, 'kustomize.toolkit.fluxcd.io/name': kustomization, 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' };
  return { ...r.obj, metadata: { ...r.obj.metadata, labels } };
};

const create = (who: UserInfo, object: Obj) => cluster.admit(requestFor(who, 'CREATE', object));
const update = (who: UserInfo, object: Obj, old: Obj) => cluster.admit(requestFor(who, 'UPDATE', object, old));
const remove = (who: UserInfo, old: Obj) => cluster.admit(requestFor(who, 'DELETE', null, old));
const denied = (d: { allowed: boolean; denials: readonly string[] }, message: RegExp) => {
  expect(d.allowed).toBe(false);
  expect(d.denials.join('\n')).toMatch(message);
};
const admitted = (d: { allowed: boolean; denials: readonly string[] }) => expect(d.denials).toEqual([]);

const ingress = (name: string, hosts: string[], extra: { annotations?: Record<string, string>; className?: string; tlsHosts?: string[]; namespace?: string } = {}): Obj => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: meta(name, extra.namespace, { annotations: extra.annotations }),
  spec: {
    ingressClassName: extra.className ?? 'traefik',
    tls: [{ hosts: extra.tlsHosts ?? hosts, secretName: `${name}-tls` }],
    rules: hosts.map((host) => ({ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } }] } })),
  },
});
const service = (name: string, spec: Record<string, unknown>, annotations?: Record<string, string>): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta(name, 'payments', { annotations }),
  spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec },
});
const deployment = (name: string, image: string, podSpec: Record<string, unknown> = {}, namespace = 'payments'): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta(name, namespace),
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }], ...podSpec } } },
});
const roleBinding = (name: string, role: string, subjects: object[], roleKind = 'ClusterRole'): Obj => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: meta(name),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: role },
  subjects,
});

describe('admission: every identity acting in a tenant namespace', () => {
  it('GIVEN the rendered policies and bindings WHEN checked as the API server validates them THEN they would be accepted', () => {
    const admission = objects.filter((o) => o.kind.startsWith('ValidatingAdmissionPolicy'));
    expect(admission.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ValidatingAdmissionPolicy/tenant-namespaces', 'ValidatingAdmissionPolicy/tenant-principals',
      'ValidatingAdmissionPolicyBinding/tenant-namespaces', 'ValidatingAdmissionPolicyBinding/tenant-principals',
    ]);
    expect(admission.flatMap(admissionObjectProblems)).toEqual([]);
    // The checker catches what the previous guardrails policy had: '*' next to '*/*', which the API server refuses.
    const mixed = { ...admission[0]!, spec: { ...admission[0]!.spec, matchConstraints: { resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], operations: ['CREATE'], resources: ['*', '*/*'] }] } } };
    expect(admissionObjectProblems(mixed)).toEqual([`ValidatingAdmissionPolicy ${mixed.metadata.name}: matchConstraints.resourceRules[0].resources: if '*/*' is present, must not specify other resources`]);
  });

  it('GIVEN a team admin WHEN it binds tenant-admin to its own ServiceAccount, mints a token and, as that ServiceAccount, deletes default-deny THEN the token and the deletion are denied', () => {
    // Binding the team's own ServiceAccount stays inside the tenancy, and is allowed...
    admitted(create(paymentsAdmin, roleBinding('bot-admin', 'tenant-admin', [{ kind: 'ServiceAccount', name: 'ci-bot', namespace: 'payments' }])));
    // ...but a long-lived token for it is not,
    denied(create(paymentsAdmin, { apiVersion: 'v1', kind: 'Secret', metadata: meta('ci-bot-token', 'payments', { annotations: { 'kubernetes.io/service-account.name': 'ci-bot' } }), type: 'kubernetes.io/service-account-token' }), /service-account-token/);
    // and whatever token the ServiceAccount gets (a pod's), it is held to the same rules as the team.
    const defaultDeny = live('NetworkPolicy', 'default-deny', 'payments');
    denied(remove(paymentsBot, defaultDeny), /may not change or delete networkpolicies default-deny/);
    denied(create(paymentsBot, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta('out'), spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{}] } }), /may only admit traffic/);
    const ownerBinding = live('RoleBinding', 'admin-acme-payments', 'payments');
    denied(update(paymentsBot, { ...ownerBinding, subjects: [{ kind: 'Group', name: 'system:authenticated' }] }, ownerBinding), /may not change or delete rolebindings admin-acme-payments/);
  });

  it("GIVEN an Ingress for another team's host WHEN created THEN it is denied, in the rules and in the TLS hosts", () => {
    denied(create(paymentsAdmin, ingress('steal', ['shop.staging.example.com'])), /may only serve hostnames of tenant payments \(\*.pay.example.com, \*.pay.staging.example.com, pay.example.com, pay.staging.example.com\)/);
    // cert-manager issues the TLS hosts: a certificate for another team's name is stolen too.
    denied(create(paymentsAdmin, ingress('steal-cert', ['pay.staging.example.com'], { tlsHosts: ['pay.staging.example.com', 'shop.staging.example.com'] })), /may only serve hostnames/);
    denied(create(paymentsAdmin, ingress('sub', ['evil.shop.staging.example.com'])), /may only serve hostnames/);
    admitted(create(paymentsAdmin, ingress('own', ['pay.staging.example.com'])));
  });

  it("GIVEN the team's wildcard *.pay.staging.example.com (inside its own zone) WHEN Ingresses use it THEN it covers one label below its base and nothing else", () => {
    admitted(create(paymentsAdmin, ingress('merchant', ['acme-shoes.pay.staging.example.com'])));
    admitted(create(paymentsAdmin, ingress('wild-own', ['*.pay.staging.example.com'], { tlsHosts: ['*.pay.staging.example.com'] })));
    denied(create(paymentsAdmin, ingress('deep', ['a.b.pay.staging.example.com'])), /may only serve hostnames/);
    denied(create(paymentsAdmin, ingress('lookalike', ['evilpay.staging.example.com'])), /may only serve hostnames/);
    denied(create(paymentsAdmin, ingress('wider', ['*.staging.example.com'])), /may only serve hostnames/);
    denied(create(paymentsAdmin, ingress('wild-tls', ['acme.pay.staging.example.com'], { tlsHosts: ['*.shop.staging.example.com'] })), /may only serve hostnames/);
    // checkout owns no wildcard: payments' does not leak to it
    denied(create(checkoutEditor, ingress('theirs', ['acme.pay.staging.example.com'], { namespace: 'checkout' })), /may only serve hostnames of tenant checkout/);
  });

  it('GIVEN an Ingress with a wildcard host, a rule without a host or a default backend WHEN created THEN it is denied', () => {
    denied(create(paymentsAdmin, ingress('wild', ['*.staging.example.com'])), /a wildcard only where the tenant owns it/);
    const hostless = ingress('hostless', ['pay.staging.example.com']);
    delete hostless.spec.rules[0].host;
    denied(create(paymentsAdmin, hostless), /no rule without a host/);
    const catchAll = ingress('catch-all', ['pay.staging.example.com']);
    catchAll.spec.defaultBackend = { service: { name: 'api', port: { name: 'http' } } };
    denied(create(paymentsAdmin, catchAll), /no default backend/);
  });

  it('GIVEN an Ingress of the ALB class, by name or by the legacy annotation WHEN created THEN it is denied', () => {
    denied(create(paymentsAdmin, ingress('alb', ['pay.staging.example.com'], { className: 'alb' })), /must use the IngressClass traefik/);
    denied(create(paymentsAdmin, ingress('alb-legacy', ['pay.staging.example.com'], { annotations: { 'kubernetes.io/ingress.class': 'alb' } })), /must use the IngressClass traefik/);
  });

  it('GIVEN external-dns, ALB or cert-manager annotations that retarget an Ingress WHEN created THEN they are denied; the internal target and the platform issuer are admitted', () => {
    for (const annotations of <Record<string, string>[]>[
      { 'external-dns.alpha.kubernetes.io/target': 'attacker.example.net' },
      { 'external-dns.alpha.kubernetes.io/hostname': 'shop.staging.example.com' },
      { 'external-dns.alpha.kubernetes.io/set-identifier': 'x', 'external-dns.alpha.kubernetes.io/aws-weight': '100' },
      { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' },
      { 'cert-manager.io/common-name': 'shop.staging.example.com' },
      { 'cert-manager.io/issuer': 'my-issuer' },
    ]) {
      denied(create(paymentsAdmin, ingress('retarget', ['pay.staging.example.com'], { annotations })), /may not carry load balancer, external-dns or cert-manager annotations/);
    }
    admitted(create(paymentsAdmin, ingress('private', ['pay.staging.example.com'], { annotations: { 'external-dns.alpha.kubernetes.io/target': 'ingress-internal.staging.example.com', 'cert-manager.io/cluster-issuer': 'letsencrypt-production' } })));
  });

  it('GIVEN a Service with externalIPs WHEN created THEN it is denied (CVE-2020-8554)', () => {
    denied(create(paymentsAdmin, service('mitm', { externalIPs: ['10.10.42.7'] })), /externalIPs/);
  });

  it('GIVEN a NodePort Service, an ExternalName Service, node ports or load balancer annotations WHEN created THEN they are denied; a LoadBalancer without node ports is left to the quota', () => {
    denied(create(paymentsAdmin, service('np', { type: 'NodePort' })), /NodePort, ExternalName and node ports are not offered/);
    denied(create(paymentsAdmin, service('ext', { type: 'ExternalName', externalName: 'db.checkout.svc.cluster.local' })), /not offered/);
    denied(create(paymentsAdmin, service('lb', { type: 'LoadBalancer' })), /allocateLoadBalancerNodePorts: false/);
    denied(create(paymentsAdmin, service('lb', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }, { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' })), /load balancer/);
    admitted(create(paymentsAdmin, service('lb', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false })));
    // How many: the namespace's quota, which tenants cannot change.
    const quota = live('ResourceQuota', 'tenant-quota', 'payments');
    expect(quota.spec.hard).toMatchObject({ 'services.loadbalancers': '0', 'services.nodeports': '0' });
    denied(update(paymentsAdmin, { ...quota, spec: { hard: { ...quota.spec.hard, 'services.loadbalancers': '5' } } }, quota), /may not change or delete resourcequotas tenant-quota/);
  });

  it('GIVEN a pod asking for system-node-critical or system-cluster-critical WHEN created THEN it is denied; the tenant classes are admitted', () => {
    const image = 'ghcr.io/acme/payments-api:1.0.0';
    denied(create(paymentsAdmin, deployment('preempt', image, { priorityClassName: 'system-node-critical' })), /may only use the priority classes tenant-batch, tenant-standard/);
    denied(create(paymentsAdmin, { apiVersion: 'v1', kind: 'Pod', metadata: meta('p'), spec: { containers: [{ name: 'a', image }], priorityClassName: 'system-cluster-critical' } }), /priority classes/);
    admitted(create(paymentsAdmin, deployment('batch', image, { priorityClassName: 'tenant-batch' })));
    for (const pc of objects.filter((o) => o.kind === 'PriorityClass')) expect(pc['value'], pc.metadata.name).toBeLessThanOrEqual(0);
  });

  it("GIVEN another team's ECR image, an unlisted registry or a look-alike repository WHEN a workload is created THEN it is denied; own and allowed registries run", () => {
    const checkoutImage = `${ECR_STAGING}/staging-checkout-storefront:1.0.0`;
    denied(create(paymentsAdmin, deployment('borrow', checkoutImage)), /runs 222222222222.dkr.ecr.eu-west-2.amazonaws.com\/staging-checkout-storefront:1.0.0/);
    denied(create(paymentsAdmin, { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('cron'), spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'docker.io/library/busybox' }] } } } } } }), /images come only from/);
    denied(create(paymentsAdmin, deployment('init', 'ghcr.io/acme/x:1', { initContainers: [{ name: 'i', image: 'ghcr.io/acme-evil/x:1' }] })), /ghcr.io\/acme-evil\/x:1/);
    denied(create(paymentsAdmin, deployment('prefix', `${ECR_STAGING}/staging-payments-api-evil:1`)), /images come only from/);
    admitted(create(paymentsAdmin, deployment('own', `${ECR_STAGING}/staging-payments-api@sha256:${'a'.repeat(64)}`)));
    admitted(create(paymentsAdmin, deployment('prod-build', '333333333333.dkr.ecr.eu-west-1.amazonaws.com/production-payments-api:2.0.0')));
    admitted(create(paymentsAdmin, deployment('ghcr', 'ghcr.io/acme/payments-api:1.42.0')));
    // An ephemeral container is an image too.
    const pod: Obj = { apiVersion: 'v1', kind: 'Pod', metadata: meta('debug'), spec: { containers: [{ name: 'a', image: 'ghcr.io/acme/x:1' }] } };
    const withDebug = { ...pod, spec: { ...pod.spec, ephemeralContainers: [{ name: 'd', image: 'docker.io/nicolaka/netshoot' }] } };
    denied(cluster.admit(requestFor(paymentsAdmin, 'UPDATE', withDebug, pod, 'ephemeralcontainers')), /nicolaka\/netshoot/);
  });

  it("GIVEN RoleBindings to another team's group, another tenant's ServiceAccount, everyone, or a role other than the tenant roles WHEN created THEN they are denied", () => {
    denied(create(paymentsAdmin, roleBinding('x', 'tenant-edit', [{ kind: 'Group', name: 'github:acme:checkout' }])), /groups of tenant payments \(github:acme:payments, github:acme:sre\)/);
    denied(create(paymentsAdmin, roleBinding('x', 'tenant-edit', [{ kind: 'Group', name: 'system:authenticated' }])), /may bind only/);
    denied(create(paymentsAdmin, roleBinding('x', 'tenant-edit', [{ kind: 'ServiceAccount', name: 'default', namespace: 'checkout' }])), /ServiceAccounts of its namespaces/);
    denied(create(paymentsAdmin, roleBinding('x', 'tenant-edit', [{ kind: 'ServiceAccount', name: 'tenant-checkout', namespace: 'flux-system' }])), /ServiceAccounts of its namespaces/);
    denied(create(paymentsAdmin, roleBinding('x', 'tenant-edit', [{ kind: 'User', name: 'github:mallory' }])), /may bind only/);
    denied(create(paymentsAdmin, roleBinding('x', 'cluster-admin', [{ kind: 'Group', name: 'github:acme:payments' }])), /may bind only tenant-admin, tenant-edit, tenant-role-debug, tenant-role-read-only-logs, tenant-role-restricted, tenant-view or a Role/);
    denied(create(paymentsAdmin, roleBinding('x', 'admin', [{ kind: 'Group', name: 'github:acme:payments' }])), /may bind only/);
    // Inside the tenancy: its own groups, ServiceAccounts of any of its namespaces, a Role of the namespace.
    admitted(create(paymentsAdmin, roleBinding('x', 'tenant-view', [{ kind: 'Group', name: 'github:acme:sre' }, { kind: 'ServiceAccount', name: 'settlement', namespace: 'payments-jobs' }, { kind: 'ServiceAccount', name: 'local' }])));
    admitted(create(paymentsAdmin, roleBinding('x', 'reader', [{ kind: 'Group', name: 'github:acme:payments' }], 'Role')));
    // A role of the fleet's catalog, to its own groups only.
    admitted(create(paymentsAdmin, roleBinding('x', 'tenant-role-read-only-logs', [{ kind: 'Group', name: 'github:acme:sre' }])));
    denied(create(paymentsAdmin, roleBinding('x', 'tenant-role-debug', [{ kind: 'Group', name: 'github:acme:support' }])), /groups of tenant payments/);
  });

  it('GIVEN a cert-manager Issuer, Certificate or CertificateRequest WHEN a team creates it directly THEN it is denied; cert-manager itself still creates the Certificate of an Ingress', () => {
    const cert = { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: meta('c'), spec: { secretName: 'c', dnsNames: ['shop.staging.example.com'], issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt-production' } } };
    denied(create(paymentsAdmin, cert), /a certificate from the cert-manager.io\/cluster-issuer annotation of an Ingress on an owned host/);
    denied(create(paymentsAdmin, { apiVersion: 'cert-manager.io/v1', kind: 'Issuer', metadata: meta('i'), spec: { selfSigned: {} } }), /may not write cert-manager.io\/issuers/);
    denied(create(paymentsBot, { apiVersion: 'cert-manager.io/v1', kind: 'CertificateRequest', metadata: meta('r'), spec: { request: 'x', issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt-production' } } }), /certificaterequests/);
    admitted(create(sa('cert-manager', 'cert-manager'), { ...cert, spec: { ...cert.spec, dnsNames: ['pay.staging.example.com'] } }));
  });

  it("GIVEN a Traefik IngressRoute or a TargetGroupBinding WHEN a team creates it THEN it is denied: routes and load balancer targets come only from Ingresses and Services", () => {
    denied(create(paymentsAdmin, { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: meta('r'), spec: { routes: [{ match: 'Host(`shop.staging.example.com`)', kind: 'Rule', services: [{ name: 'api', port: 80 }] }] } }), /may not write traefik.io\/ingressroutes/);
    const tgb = { apiVersion: 'elbv2.k8s.aws/v1beta1', kind: 'TargetGroupBinding', metadata: meta('t'), spec: { serviceRef: { name: 'api', port: 80 }, targetGroupARN: 'arn:aws:elasticloadbalancing:eu-west-2:222222222222:targetgroup/k8s-traefik/0123' } };
    denied(create(paymentsBot, tgb), /may not write elbv2.k8s.aws\/targetgroupbindings/);
    admitted(create(sa('aws-load-balancer-controller', 'aws-load-balancer-controller'), tgb));
  });

  it("GIVEN the team's own reconciler WHEN it applies what a team member may not THEN it is denied the same way", () => {
    denied(create(paymentsReconciler, ingress('steal', ['shop.staging.example.com'])), /may only serve hostnames/);
    denied(remove(paymentsReconciler, live('NetworkPolicy', 'default-deny', 'payments-jobs')), /may not change or delete/);
    denied(create(paymentsReconciler, deployment('x', 'docker.io/library/nginx')), /images come only from/);
  });

  it('GIVEN Crossplane kinds or cluster-scoped objects WHEN a team, its reconciler or any of its ServiceAccounts writes them THEN they are denied, in its namespaces and everywhere else', () => {
    const bucket = { apiVersion: 's3.aws.m.upbound.io/v1beta1', kind: 'Bucket', metadata: meta('b'), spec: { forProvider: { region: 'eu-west-2' } } };
    denied(create(paymentsBot, bucket), /cloud resources are declared in tenants\/<team>.yaml/);
    denied(create(paymentsAdmin, { ...bucket, metadata: meta('b', 'crossplane-system') }), /tenants write only in their own namespaces/);
    denied(create(paymentsReconciler, { apiVersion: 'aws.m.upbound.io/v1beta1', kind: 'ClusterProviderConfig', metadata: { name: 'mine' }, spec: {} }), /cluster-scoped/);
    denied(create(paymentsBot, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'me' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'ServiceAccount', name: 'ci-bot', namespace: 'payments' }] }), /cluster-scoped/);
    denied(create(paymentsAdmin, { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('x', 'flux-system'), data: {} }), /tenants write only in their own namespaces/);
    // Self reviews stay open; platform identities are not tenants.
    admitted(create(paymentsAdmin, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: { name: '' }, spec: {} }));
    admitted(create(kustomizeController, { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('x', 'flux-system'), data: {} }));
  });

  it("GIVEN the Namespace's hostname annotation WHEN a team changes it or creates a namespace THEN admission denies it, and RBAC grants no write on namespaces in the first place", () => {
    const ns = live('Namespace', 'payments');
    const widened = { ...ns, metadata: { ...ns.metadata, annotations: { ...ns.metadata.annotations, 'platform.example.com/hostnames': 'shop.staging.example.com' } } };
    denied(update(paymentsAdmin, widened, ns), /tenant namespaces are created and changed only by the platform/);
    denied(create(paymentsAdmin, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payments-extra', labels: { 'platform.example.com/tenant': 'payments' } } }), /only by the platform/);
    denied(create(paymentsAdmin, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'scratch' } }), /cluster-scoped/);
    for (const verb of ['create', 'update', 'patch', 'delete']) {
      expect(rbac.can(paymentsAdmin, { verb, group: '', resource: 'namespaces', name: 'payments' }), verb).toBe(false);
      expect(rbac.can(paymentsReconciler, { verb, group: '', resource: 'namespaces', name: 'payments' }), verb).toBe(false);
    }
  });

  it('GIVEN the platform controllers WHEN they do their work in tenant namespaces THEN nothing blocks them', () => {
    // kustomize-controller applies and prunes every object of the tenant bundles.
    for (const { obj } of staging.filter((r) => r.path.startsWith('tenants/'))) {
      admitted(create(kustomizeController, obj));
      if (obj.metadata.namespace) admitted(remove(kustomizeController, live(obj.kind, obj.metadata.name, obj.metadata.namespace)));
    }
    admitted(create(sa('crossplane-system', 'provider-aws'), { apiVersion: 'v1', kind: 'Secret', metadata: meta('ledger-postgres'), type: 'connection.crossplane.io/v1alpha1', data: {} }));
    admitted(create(sa('external-secrets', 'external-secrets'), { apiVersion: 'v1', kind: 'Secret', metadata: meta('payments-api-secrets'), type: 'Opaque', data: {} }));
    admitted(remove(sa('kube-system', 'namespace-controller'), live('NetworkPolicy', 'default-deny', 'payments')));
  });

  it("GIVEN every app object the platform renders WHEN the tenant's reconciler applies it THEN admission admits it", () => {
    let checked = 0;
    for (const name of ['staging', 'production']) {
      const here = name === 'staging' ? cluster : new AdmissionControl(renderedOf(name).map((r) => r.obj));
      const apps = name === 'staging' ? staging : renderedOf(name);
      for (const { path, obj } of apps.filter((r) => r.path.startsWith('apps/'))) {
        const tenant = path.split('/')[1]!;
        expect(here.admit(requestFor(sa('flux-system', `tenant-${tenant}`), 'CREATE', obj)).denials, `${name}/${path}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('GIVEN the rest of the cluster WHEN system components and platform controllers write there THEN the principal policy never gets in the way, even with empty params', () => {
    const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta('ip-10-10-1-1', 'kube-node-lease'), spec: {} };
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'ip-10-10-1-1' }, spec: {} };
    const emptyParams = cluster.without((o) => o.kind === 'ConfigMap' && o.metadata.name === 'tenant-guardrails').with({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('tenant-guardrails', 'flux-system') });
    for (const here of [cluster, emptyParams]) {
      admitted(here.admit(requestFor({ username: 'system:node:ip-10-10-1-1', groups: ['system:nodes', 'system:authenticated'] }, 'UPDATE', lease, lease)));
      admitted(here.admit(requestFor(sa('kube-system', 'node-controller'), 'UPDATE', node, node)));
      admitted(here.admit(requestFor(sa('flux-system', 'helm-controller'), 'CREATE', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('values', 'traefik'), data: {} })));
    }
  });

  it('GIVEN the params of the guardrails are missing WHEN anyone but the platform writes in a tenant namespace THEN nothing is admitted (fail closed)', () => {
    const noParams = cluster.without((o) => o.kind === 'ConfigMap' && o.metadata.name === 'tenant-guardrails');
    const d = noParams.admit(requestFor(paymentsAdmin, 'CREATE', deployment('x', 'ghcr.io/acme/payments-api:1')));
    denied(d, /no params found/);
    // Outside tenant namespaces the cluster keeps working.
    admitted(noParams.admit(requestFor(kustomizeController, 'CREATE', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('x', 'flux-system'), data: {} })));
  });
});

describe('RBAC: what the rendered roles grant a team', () => {
  const builtIn: Obj[] = [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'cluster-admin' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] }];
  const withBuiltIn = new Rbac([...objects, ...builtIn]);

  it('GIVEN a team admin or its reconciler WHEN they reach for cluster-scoped objects or platform-owned kinds THEN RBAC denies them', () => {
    for (const who of [paymentsAdmin, paymentsReconciler]) {
      for (const [group, resource] of [['rbac.authorization.k8s.io', 'clusterrolebindings'], ['rbac.authorization.k8s.io', 'clusterroles'], ['', 'namespaces'], ['scheduling.k8s.io', 'priorityclasses'], ['admissionregistration.k8s.io', 'validatingadmissionpolicies']] as const) {
        expect(withBuiltIn.can(who, { verb: 'create', group, resource }), `${who.username} ${resource}`).toBe(false);
      }
      // Hand-made endpoints would let a selector-less Service send ingress traffic, through Traefik, to any address.
      for (const [group, resource] of [['', 'resourcequotas'], ['', 'limitranges'], ['', 'serviceaccounts/token'], ['', 'endpoints'], ['discovery.k8s.io', 'endpointslices'], ['cert-manager.io', 'certificates'], ['s3.aws.m.upbound.io', 'buckets'], ['external-secrets.io', 'secretstores']] as const) {
        expect(withBuiltIn.can(who, { verb: 'create', group, resource, namespace: 'payments' }), `${who.username} ${resource}`).toBe(false);
      }
      expect(withBuiltIn.can(who, { verb: 'create', group: 'apps', resource: 'deployments', namespace: 'payments' })).toBe(true);
    }
  });

  it("GIVEN another team's namespace or a platform namespace WHEN a team member writes there THEN RBAC denies it", () => {
    expect(rbac.can(checkoutEditor, { verb: 'create', group: 'apps', resource: 'deployments', namespace: 'checkout' })).toBe(true);
    for (const namespace of ['payments', 'payments-jobs', 'flux-system', 'crossplane-system', 'traefik']) {
      expect(rbac.can(checkoutEditor, { verb: 'create', group: 'apps', resource: 'deployments', namespace }), namespace).toBe(false);
      expect(rbac.can(checkoutEditor, { verb: 'get', group: '', resource: 'secrets', namespace }), namespace).toBe(false);
    }
  });

  it('GIVEN a team admin WHEN it binds cluster-admin in its namespace THEN RBAC escalation prevention refuses it; the tenant roles it holds it may bind', () => {
    expect(withBuiltIn.canBind(paymentsAdmin, 'payments', { kind: 'ClusterRole', name: 'cluster-admin' })).toBe(false);
    expect(withBuiltIn.canBind(paymentsAdmin, 'payments', { kind: 'ClusterRole', name: 'tenant-edit' })).toBe(true);
    expect(withBuiltIn.canBind(checkoutEditor, 'checkout', { kind: 'ClusterRole', name: 'tenant-view' })).toBe(false);
  });

  it("GIVEN a team's ServiceMonitor or PodMonitor WHEN it reaches another team's namespace THEN it is denied; its own namespaces it may scrape", () => {
    const monitor = (kind: string, namespaceSelector?: object): Obj => ({
      apiVersion: 'monitoring.coreos.com/v1',
      kind,
      metadata: meta('scrape'),
      spec: { selector: {}, ...(namespaceSelector ? { namespaceSelector } : {}), [kind === 'PodMonitor' ? 'podMetricsEndpoints' : 'endpoints']: [{ port: 'http', honorLabels: true }] },
    });
    for (const kind of ['ServiceMonitor', 'PodMonitor']) {
      denied(create(paymentsAdmin, monitor(kind, { any: true })), new RegExp(`${kind.toLowerCase()}s scrape may scrape only namespaces of tenant payments`));
      denied(create(paymentsAdmin, monitor(kind, { matchNames: ['payments', 'checkout'] })), /may scrape only namespaces of tenant payments/);
      denied(create(paymentsBot, monitor(kind, { matchNames: ['monitoring'] })), /may scrape only namespaces of tenant payments/);
      admitted(create(paymentsAdmin, monitor(kind)));
      admitted(create(paymentsAdmin, monitor(kind, { matchNames: ['payments'] })));
      admitted(create(paymentsAdmin, monitor(kind, { any: false })));
    }
    // What it may scrape is labelled with its own namespace, whatever the target exposes (honorLabels included), and
    // its rules see only that namespace; the platform's monitors and rules keep the whole cluster.
    const prometheus = staging.find(({ obj }) => obj.kind === 'HelmRelease' && obj.metadata.name === 'kube-prometheus-stack')!.obj as Obj & {
      spec: { values: { prometheus: { prometheusSpec: { enforcedNamespaceLabel: string; excludedFromEnforcement: { resource: string; namespace: string }[] } } } };
    };
    const spec = prometheus.spec.values.prometheus.prometheusSpec;
    expect(spec.enforcedNamespaceLabel).toBe('namespace');
    const excluded = new Set(spec.excludedFromEnforcement.map((e) => e.namespace));
    for (const ns of ['monitoring', 'kube-system', 'flux-system', 'traefik', 'loki']) expect(excluded, ns).toContain(ns);
    for (const ns of ['payments', 'payments-jobs', 'checkout', 'data-platform']) expect(excluded, ns).not.toContain(ns);
    expect(new Set(spec.excludedFromEnforcement.map((e) => e.resource))).toEqual(new Set(['servicemonitors', 'podmonitors', 'probes', 'prometheusrules']));
  });
});

/** The request shape is the API server's: a smoke test of the helpers the suite relies on. */
describe('requestFor', () => {
  it('GIVEN a Namespace update WHEN built THEN request.namespace is the namespace itself, as the API server sets it', () => {
    const r: AdmissionRequest = requestFor(paymentsAdmin, 'UPDATE', live('Namespace', 'payments'), live('Namespace', 'payments'));
    expect([r.namespace, r.resource.resource]).toEqual(['payments', 'namespaces']);
    expect(requestFor(paymentsAdmin, 'CREATE', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta('n') }).resource).toEqual({ group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies' });
  });
});
