import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { AWS_LOAD_BALANCER_CONTROLLER } from '../addons/aws-load-balancer-controller.js';
import { CERT_MANAGER } from '../addons/cert-manager.js';
import { CROSSPLANE, CROSSPLANE_PROVIDER_SERVICE_ACCOUNT } from '../addons/crossplane.js';
import { EXTERNAL_SECRETS } from '../addons/external-secrets.js';
import { INGRESS_CLASS } from '../addons/traefik.js';
import { LETSENCRYPT_SERVERS, letsEncryptIssuer } from '../addons-config/letsencrypt-issuers.js';
import { FLUX_NAMESPACE, PLATFORM_RECONCILER } from '../flux/flux-kustomization.js';
import { BUILT_IN_TENANT_ROLES, tenantClusterRole } from './tenant-cluster-roles.js';
import { HOSTNAMES_ANNOTATION, OWNERS_ANNOTATION, REGISTRIES_ANNOTATION, TENANT_LABEL } from './tenant-namespace.js';
import { TENANT_PRIORITY_CLASSES } from './tenant-priority-classes.js';

export interface TenantGuardrailsProps {
  /** Prefix the OIDC provider puts on GitHub team groups: every such group is a tenant team. */
  readonly groupPrefix: string;
  /** Every tenant namespace of the cluster, with the tenant it belongs to. */
  readonly tenantNamespaces: ReadonlyMap<string, string>;
  /** Registries (`<host>/<path>`) whose images every tenant may run, besides its own repositories. @default [] */
  readonly imageRegistries?: readonly string[];
  /** Hosts that external-dns may point a tenant Ingress at (`external-dns.alpha.kubernetes.io/target`). @default [] */
  readonly dnsTargets?: readonly string[];
  /** IngressClasses tenant Ingresses may use. @default [INGRESS_CLASS] */
  readonly ingressClasses?: readonly string[];
  /** ClusterIssuers tenant Ingresses may name in `cert-manager.io/cluster-issuer`. @default - every Let's Encrypt issuer */
  readonly clusterIssuers?: readonly string[];
  /** PriorityClasses tenant pods may name. @default - the keys of TENANT_PRIORITY_CLASSES */
  readonly priorityClasses?: readonly string[];
  /** ClusterRoles of the fleet's team role catalog, which tenant RoleBindings may bind besides the built-ins. @default [] */
  readonly teamRoles?: readonly string[];
}

/** The policy every identity acting in a tenant namespace goes through (selected by the namespace's tenant label). */
export const TENANT_NAMESPACE_POLICY = 'tenant-namespaces';
/** The policy tenant identities go through everywhere else (cluster scope and platform namespaces). */
export const TENANT_PRINCIPAL_POLICY = 'tenant-principals';
/** The ConfigMap in flux-system that both policies take as params: the cluster's facts about its tenancy. */
export const TENANT_GUARDRAILS_PARAMS = 'tenant-guardrails';
const NAMESPACE_KEY = 'namespace.';
/** Params key of each tenant namespace (`namespace.<name>`), whose value is the tenant it belongs to. */
export const paramsNamespaceKey = (namespace: string) => `${NAMESPACE_KEY}${namespace}`;
/** CEL: the tenant namespace `ns` (a string expression) belongs to tenant `tenant`, per the params. */
const tenantOf = (ns: string, tenant: string) => `(${str(NAMESPACE_KEY)} + ${ns}) in params.data && params.data[${str(NAMESPACE_KEY)} + ${ns}] == ${tenant}`;

const serviceAccount = (namespace: string, name: string) => `system:serviceaccount:${namespace}:${name}`;

/**
 * The platform controllers that act in tenant namespaces on the platform's behalf; admission exempts exactly these.
 * The tenant reconcilers (`flux-system/tenant-<team>`) are not among them: what a team's Flux applies is held to
 * the same rules as what its members apply.
 */
export const PLATFORM_CONTROLLERS: readonly string[] = [
  // Applies and prunes the platform's layers, tenant bundles included (`tenant-<team>`, as this ServiceAccount).
  serviceAccount(FLUX_NAMESPACE, PLATFORM_RECONCILER),
  // Crossplane's AWS providers: connection Secrets and finalizers on the tenant's managed resources.
  serviceAccount(CROSSPLANE.namespace, CROSSPLANE_PROVIDER_SERVICE_ACCOUNT),
  // cert-manager: the Certificate of an Ingress's annotations, its requests, ACME orders and the TLS Secret.
  serviceAccount(CERT_MANAGER.namespace, CERT_MANAGER.serviceAccounts![0]!),
  // external-secrets: the Secrets of ExternalSecrets.
  serviceAccount(EXTERNAL_SECRETS.namespace, EXTERNAL_SECRETS.serviceAccounts![0]!),
  // aws-load-balancer-controller: the TargetGroupBinding of a LoadBalancer Service.
  serviceAccount(AWS_LOAD_BALANCER_CONTROLLER.namespace, AWS_LOAD_BALANCER_CONTROLLER.serviceAccounts![0]!),
  // kube-controller-manager: empties a namespace the platform deletes, and collects orphaned dependents.
  serviceAccount('kube-system', 'namespace-controller'),
  serviceAccount('kube-system', 'generic-garbage-collector'),
];

/** Names of the tenant reconciler ServiceAccounts: `flux-system/tenant-<team>`. */
const RECONCILER_PREFIX = serviceAccount(FLUX_NAMESPACE, 'tenant-');
/**
 * API groups whose kinds only platform controllers write in tenant namespaces, from what tenants declare: cert-manager
 * (a Certificate for any name in the zone), Traefik's own routes (hosts outside the Ingress rules) and load balancer
 * target bindings (pods registered in any target group).
 */
export const PLATFORM_ONLY_GROUPS: readonly string[] = ['cert-manager.io', 'acme.cert-manager.io', 'traefik.io', 'traefik.containo.us', 'elbv2.k8s.aws'];
/** API group suffixes of Crossplane: tenants never write its kinds, anywhere. */
export const CROSSPLANE_GROUP_SUFFIXES: readonly string[] = ['.upbound.io', '.crossplane.io'];
/** The label Flux puts on every object it applies, naming the Kustomization that owns it. */
const FLUX_OWNER_LABEL = 'kustomize.toolkit.fluxcd.io/name';
const WRITES = ['CREATE', 'UPDATE', 'DELETE'];

const str = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (xs: readonly string[]) => `[${xs.map(str).join(', ')}]`;
/** A comma-separated list in a string map (annotations, ConfigMap data), as a CEL list; [] when absent or empty. */
const csv = (map: string, key: string) => `(${str(key)} in ${map} && ${map}[${str(key)}] != '' ? ${map}[${str(key)}].split(',') : [])`;
/** Which kind the request is for: `<group>/<resource>` (the core group is empty: `/services`). */
const is = (...groupResources: string[]) => `variables.groupResource in ${list(groupResources)}`;
/** Applies `rule` to objects of the given kinds that are created or updated; anything else passes. */
const onWrite = (groupResources: string[], rule: string) => `!(${is(...groupResources)}) || object == null || (${rule})`;

/**
 * CEL: the host `h` is one of the tenant's hostnames, or one label more than the base of one of its `*.` wildcards
 * (as an Ingress wildcard matches; see `hostMatches`).
 */
const ownedHost = (h: string) =>
  `(${h} in variables.hostnames || variables.hostnames.exists(w, w.startsWith('*.') && ${h}.endsWith(w.substring(1)) && ` +
  `size(${h}) >= size(w) && !${h}.substring(0, size(${h}) - size(w) + 1).contains('.') && !${h}.startsWith('*')))`;

interface Rule {
  readonly expression: string;
  readonly messageExpression: string;
}

/** Values every rule of the namespace policy may use (evaluated lazily, once per request). */
const NAMESPACE_VARIABLES: Record<string, string> = {
  groupResource: `request.resource.group + '/' + request.resource.resource`,
  tenant: `namespaceObject.metadata.labels[${str(TENANT_LABEL)}]`,
  namespaceAnnotations: `has(namespaceObject.metadata.annotations) ? namespaceObject.metadata.annotations : {}`,
  annotations: `object != null && has(object.metadata.annotations) ? object.metadata.annotations : {}`,
  hostnames: csv('variables.namespaceAnnotations', HOSTNAMES_ANNOTATION),
  ownRepositories: csv('variables.namespaceAnnotations', REGISTRIES_ANNOTATION),
  ownerGroups: `${csv('variables.namespaceAnnotations', OWNERS_ANNOTATION)}.map(t, params.data.groupPrefix + t)`,
  imageRegistries: csv('params.data', 'imageRegistries'),
  ingressClasses: csv('params.data', 'ingressClasses'),
  clusterIssuers: csv('params.data', 'clusterIssuers'),
  dnsTargets: csv('params.data', 'dnsTargets'),
  priorityClasses: csv('params.data', 'priorityClasses'),
  tenantRoles: csv('params.data', 'tenantRoles'),
  podSpec:
    `object == null ? null : ` +
    `variables.groupResource == '/pods' ? object.spec : ` +
    `variables.groupResource == 'batch/cronjobs' ? object.spec.jobTemplate.spec.template.spec : ` +
    `${is('apps/deployments', 'apps/statefulsets', 'apps/daemonsets', 'apps/replicasets', 'batch/jobs', '/replicationcontrollers')} ? object.spec.template.spec : null`,
  containers:
    `variables.podSpec == null ? [] : ` +
    ['containers', 'initContainers', 'ephemeralContainers'].map((f) => `(has(variables.podSpec.${f}) ? variables.podSpec.${f} : [])`).join(' + '),
  foreignImages:
    // A workload template may leave an image out for a tool to fill in; the Pod it becomes may not, and is checked.
    `variables.containers.filter(c, has(c.image)).map(c, c.image).filter(i, ` +
    `!variables.ownRepositories.exists(r, i.startsWith(r + ':') || i.startsWith(r + '@')) && !variables.imageRegistries.exists(r, i.startsWith(r + '/')))`,
};

/** The tenancy rules, for every identity acting in a tenant namespace except PLATFORM_CONTROLLERS. */
const NAMESPACE_RULES: Rule[] = [
  {
    expression: `request.resource.group != '' || request.resource.resource != 'namespaces'`,
    messageExpression: `'tenant namespaces are created and changed only by the platform, from tenants/<team>.yaml'`,
  },
  {
    expression:
      `request.operation == 'CREATE' || oldObject == null || !has(oldObject.metadata.labels) || ` +
      `!(${str(FLUX_OWNER_LABEL)} in oldObject.metadata.labels) || !oldObject.metadata.labels[${str(FLUX_OWNER_LABEL)}].startsWith('tenant-')`,
    messageExpression: `'may not change or delete ' + request.resource.resource + ' ' + oldObject.metadata.name + ': the platform manages it from tenants/<team>.yaml'`,
  },
  {
    expression: `!(${crossplaneGroup()})`,
    messageExpression: `'may not write ' + request.resource.group + '/' + request.resource.resource + ': cloud resources are declared in tenants/<team>.yaml and created by the platform'`,
  },
  {
    expression: `!(request.resource.group in ${list(PLATFORM_ONLY_GROUPS)})`,
    messageExpression:
      `'may not write ' + request.resource.group + '/' + request.resource.resource + ': certificates, Traefik routes and load balancer bindings are made by the platform ' + ` +
      `'from Ingresses and Services (a certificate from the cert-manager.io/cluster-issuer annotation of an Ingress on an owned host)'`,
  },
  {
    expression: onWrite(['networking.k8s.io/networkpolicies'], `!has(object.spec.egress) && !(has(object.spec.policyTypes) && 'Egress' in object.spec.policyTypes)`),
    messageExpression: `'NetworkPolicy ' + object.metadata.name + ' may only admit traffic (policyTypes: [Ingress]); egress is opened by the platform from tenants/<team>.yaml'`,
  },
  {
    expression: onWrite(
      ['networking.k8s.io/ingresses'],
      `(!has(object.spec.ingressClassName) || object.spec.ingressClassName in variables.ingressClasses) && ` +
        `(!('kubernetes.io/ingress.class' in variables.annotations) || variables.annotations['kubernetes.io/ingress.class'] in variables.ingressClasses)`,
    ),
    messageExpression: `'Ingress ' + object.metadata.name + ' must use the IngressClass ' + variables.ingressClasses.join(' or ') + ' (spec.ingressClassName and kubernetes.io/ingress.class)'`,
  },
  {
    expression: onWrite(
      ['networking.k8s.io/ingresses'],
      `!has(object.spec.defaultBackend) && has(object.spec.rules) && object.spec.rules.all(r, has(r.host) && ${ownedHost('r.host')}) && ` +
        `(!has(object.spec.tls) || object.spec.tls.all(t, !has(t.hosts) || t.hosts.all(h, ${ownedHost('h')})))`,
    ),
    messageExpression:
      `'Ingress ' + object.metadata.name + ' may only serve hostnames of tenant ' + variables.tenant + ' (' + variables.hostnames.join(', ') + '), ` +
      `each named in every rule and tls entry: a wildcard only where the tenant owns it, no rule without a host, no default backend'`,
  },
  {
    expression: onWrite(
      ['networking.k8s.io/ingresses', '/services'],
      `variables.annotations.all(k, !k.startsWith('alb.ingress.kubernetes.io/') && !k.startsWith('service.beta.kubernetes.io/aws-load-balancer-') && ` +
        `(!k.startsWith('external-dns.alpha.kubernetes.io/') || (variables.groupResource == 'networking.k8s.io/ingresses' && k == 'external-dns.alpha.kubernetes.io/target' && variables.annotations[k] in variables.dnsTargets)) && ` +
        `(!k.startsWith('cert-manager.io/') || (k == 'cert-manager.io/cluster-issuer' && variables.annotations[k] in variables.clusterIssuers)))`,
    ),
    messageExpression:
      `request.resource.resource + ' ' + object.metadata.name + ' may not carry load balancer, external-dns or cert-manager annotations that retarget it ` +
      `(allowed: external-dns.alpha.kubernetes.io/target: ' + variables.dnsTargets.join(', ') + '; cert-manager.io/cluster-issuer: ' + variables.clusterIssuers.join(', ') + ')'`,
  },
  {
    expression: onWrite(['/services'], `!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0`),
    messageExpression: `'Service ' + object.metadata.name + ' may not set externalIPs (they capture traffic to any address, CVE-2020-8554)'`,
  },
  {
    expression: onWrite(
      ['/services'],
      `(!has(object.spec.type) || object.spec.type in ['ClusterIP', 'LoadBalancer']) && (!has(object.spec.ports) || object.spec.ports.all(p, !has(p.nodePort) || p.nodePort == 0)) && ` +
        `(!has(object.spec.type) || object.spec.type != 'LoadBalancer' || (has(object.spec.allocateLoadBalancerNodePorts) && !object.spec.allocateLoadBalancerNodePorts))`,
    ),
    messageExpression:
      `'Service ' + object.metadata.name + ' must be ClusterIP, or LoadBalancer within the quota with allocateLoadBalancerNodePorts: false; ' + ` +
      `'NodePort, ExternalName and node ports are not offered'`,
  },
  {
    expression: `variables.podSpec == null || size(variables.foreignImages) == 0`,
    messageExpression:
      `request.resource.resource + ' ' + object.metadata.name + ' runs ' + variables.foreignImages.join(', ') + ': images come only from the repositories of tenant ' + ` +
      `variables.tenant + ' (' + variables.ownRepositories.join(', ') + ') or the registries the cluster allows (' + variables.imageRegistries.join(', ') + ')'`,
  },
  {
    expression: `variables.podSpec == null || !has(variables.podSpec.priorityClassName) || variables.podSpec.priorityClassName in variables.priorityClasses`,
    messageExpression: `request.resource.resource + ' ' + object.metadata.name + ' may only use the priority classes ' + variables.priorityClasses.join(', ')`,
  },
  {
    expression: onWrite(
      ['rbac.authorization.k8s.io/rolebindings'],
      `(object.roleRef.kind == 'Role' || object.roleRef.name in variables.tenantRoles) && (!has(object.subjects) || object.subjects.all(s, ` +
        `(s.kind == 'Group' && s.name in variables.ownerGroups) || (s.kind == 'ServiceAccount' && ` +
        // A ServiceAccount subject without a namespace is one of the binding's own namespace.
        `[has(s.namespace) && s.namespace != '' ? s.namespace : request.namespace].all(n, ${tenantOf('n', 'variables.tenant')}))))`,
    ),
    messageExpression:
      `'RoleBinding ' + object.metadata.name + ' may bind only ' + variables.tenantRoles.join(', ') + ' or a Role of the namespace, ' + ` +
      `'to the groups of tenant ' + variables.tenant + ' (' + variables.ownerGroups.join(', ') + ') or ServiceAccounts of its namespaces'`,
  },
  {
    // Prometheus labels what a tenant's monitor scrapes with the monitor's namespace (enforcedNamespaceLabel): a monitor
    // reaching another team's pods would copy their metrics into this tenant's series.
    expression: onWrite(
      ['monitoring.coreos.com/servicemonitors', 'monitoring.coreos.com/podmonitors'],
      `!has(object.spec.namespaceSelector) || ((!has(object.spec.namespaceSelector.any) || !object.spec.namespaceSelector.any) && ` +
        `(!has(object.spec.namespaceSelector.matchNames) || object.spec.namespaceSelector.matchNames.all(n, ${tenantOf('n', 'variables.tenant')})))`,
    ),
    messageExpression:
      `request.resource.resource + ' ' + object.metadata.name + ' may scrape only namespaces of tenant ' + variables.tenant + ' (namespaceSelector.matchNames; not any: true)'`,
  },
  {
    expression: onWrite(['/secrets'], `!has(object.type) || object.type != 'kubernetes.io/service-account-token'`),
    messageExpression: `'Secret ' + object.metadata.name + ' may not be a kubernetes.io/service-account-token: tokens are never minted by hand'`,
  },
];

function crossplaneGroup(): string {
  return CROSSPLANE_GROUP_SUFFIXES.map((s) => `request.resource.group.endsWith(${str(s)}) || request.resource.group == ${str(s.slice(1))}`).join(' || ');
}

/**
 * The cluster's admission guardrails for tenants, rendered once per cluster as native ValidatingAdmissionPolicies
 * (no extra controller), with one ConfigMap of params in flux-system:
 *
 * - `tenant-namespaces`, bound to every namespace that carries the tenant label, holds whoever acts there (team
 *   members, the team's reconciler, any ServiceAccount of the namespace) except PLATFORM_CONTROLLERS: Ingress hosts,
 *   classes and annotations, Service types and externalIPs, images, priority classes, RoleBindings, token Secrets,
 *   cert-manager, Traefik, load balancer binding and Crossplane kinds, egress-opening NetworkPolicies, monitors reaching other
 *   teams' namespaces and the objects the platform applied. What
 *   differs per tenant (hostnames, owner teams, image repositories) is read from the Namespace (`namespaceObject`),
 *   which only the platform writes; what differs per cluster comes from the params.
 * - `tenant-principals`, bound everywhere else (cluster scope and namespaces without the tenant label), holds the
 *   tenant identities themselves (team groups, tenant reconcilers, ServiceAccounts of tenant namespaces): they may
 *   write nothing outside tenant namespaces, so no cluster-scoped object and no Crossplane kind. RBAC grants them
 *   none of that; this holds even if a role is widened by mistake.
 *
 * Params are a plain ConfigMap: every API server serves it, no CRD must exist before the policies, and only the
 * platform writes flux-system. A tenant namespace whose params are missing admits nothing (`Deny`); outside tenant
 * namespaces missing params switch the principal guard off (`Allow`) rather than block the whole cluster.
 */
export class TenantGuardrails extends Construct {
  constructor(scope: Construct, id: string, props: TenantGuardrailsProps) {
    super(scope, id);
    const data: Record<string, string> = {
      clusterIssuers: [...(props.clusterIssuers ?? Object.keys(LETSENCRYPT_SERVERS).map((e) => letsEncryptIssuer(e as keyof typeof LETSENCRYPT_SERVERS)))].sort().join(','),
      dnsTargets: [...(props.dnsTargets ?? [])].sort().join(','),
      groupPrefix: props.groupPrefix,
      imageRegistries: [...(props.imageRegistries ?? [])].sort().join(','),
      ingressClasses: [...(props.ingressClasses ?? [INGRESS_CLASS])].sort().join(','),
      priorityClasses: [...(props.priorityClasses ?? Object.keys(TENANT_PRIORITY_CLASSES))].sort().join(','),
      // The ClusterRoles tenant RoleBindings may bind: the built-ins and the fleet's team role catalog.
      tenantRoles: [...BUILT_IN_TENANT_ROLES.map(tenantClusterRole), ...(props.teamRoles ?? [])].sort().join(','),
    };
    for (const ns of [...props.tenantNamespaces.keys()].sort()) data[paramsNamespaceKey(ns)] = props.tenantNamespaces.get(ns)!;
    new ApiObject(this, 'params', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: TENANT_GUARDRAILS_PARAMS, namespace: FLUX_NAMESPACE },
      data,
    });

    this.policy(TENANT_NAMESPACE_POLICY, {
      resourceRules: [
        { apiGroups: ['*'], apiVersions: ['*'], resources: ['*', 'pods/ephemeralcontainers'], operations: WRITES, scope: 'Namespaced' },
        { apiGroups: [''], apiVersions: ['*'], resources: ['namespaces'], operations: WRITES, scope: 'Cluster' },
      ],
      matchConditions: [{ name: 'not-a-platform-controller', expression: `!(request.userInfo.username in ${list(PLATFORM_CONTROLLERS)})` }],
      variables: NAMESPACE_VARIABLES,
      validations: NAMESPACE_RULES,
      namespaceSelector: { matchExpressions: [{ key: TENANT_LABEL, operator: 'Exists' }] },
      parameterNotFoundAction: 'Deny',
    });

    // Written not to fail on any request of the cluster: a runtime error would deny it (failurePolicy Fail).
    const tenantPrincipal =
      `request.userInfo.username.startsWith(${str(RECONCILER_PREFIX)}) || (has(params.data) && (` +
      `('groupPrefix' in params.data && params.data.groupPrefix != '' && has(request.userInfo.groups) && request.userInfo.groups.exists(g, g.startsWith(params.data.groupPrefix))) || ` +
      `(request.userInfo.username.startsWith('system:serviceaccount:') && (${str(NAMESPACE_KEY)} + request.userInfo.username.split(':')[2]) in params.data)))`;
    this.policy(TENANT_PRINCIPAL_POLICY, {
      resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*/*'], operations: WRITES, scope: '*' }],
      variables: { tenantPrincipal },
      validations: [
        {
          expression: `!variables.tenantPrincipal || request.resource.group in ['authorization.k8s.io', 'authentication.k8s.io']`,
          messageExpression:
            `'tenants write only in their own namespaces, not ' + request.resource.group + '/' + request.resource.resource + ` +
            `(request.namespace == '' ? ' (cluster-scoped)' : ' in ' + request.namespace) + ': cloud resources and cluster objects are declared in tenants/<team>.yaml'`,
        },
      ],
      namespaceSelector: { matchExpressions: [{ key: TENANT_LABEL, operator: 'DoesNotExist' }] },
      parameterNotFoundAction: 'Allow',
    });
  }

  private policy(
    name: string,
    p: {
      resourceRules: object[];
      matchConditions?: object[];
      variables: Record<string, string>;
      validations: readonly Rule[];
      namespaceSelector: object;
      parameterNotFoundAction: 'Allow' | 'Deny';
    },
  ): void {
    new ApiObject(this, name, {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name },
      spec: {
        failurePolicy: 'Fail',
        paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
        matchConstraints: { resourceRules: p.resourceRules },
        matchConditions: p.matchConditions,
        variables: Object.entries(p.variables).map(([n, expression]) => ({ name: n, expression })),
        validations: p.validations.map((v) => ({ ...v, reason: 'Forbidden' })),
      },
    });
    new ApiObject(this, `${name}-binding`, {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name },
      spec: {
        policyName: name,
        validationActions: ['Deny'],
        paramRef: { name: TENANT_GUARDRAILS_PARAMS, namespace: FLUX_NAMESPACE, parameterNotFoundAction: p.parameterNotFoundAction },
        matchResources: { namespaceSelector: p.namespaceSelector },
      },
    });
  }
}
