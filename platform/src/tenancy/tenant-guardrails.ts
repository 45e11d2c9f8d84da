import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { FLUX_NAMESPACE } from '../flux/flux-kustomization.js';

export interface TenantGuardrailsProps {
  /** Prefix the OIDC provider puts on GitHub team groups: every such group is a tenant team. */
  readonly groupPrefix: string;
  /** Namespace of the tenant reconciler ServiceAccounts. @default 'flux-system' */
  readonly reconcilerNamespace?: string;
  /** Name prefix of the tenant reconciler ServiceAccounts. @default 'tenant-' */
  readonly reconcilerPrefix?: string;
  /** API group suffixes tenants may never write. @default ['.upbound.io', '.crossplane.io'] */
  readonly deniedGroupSuffixes?: readonly string[];
}

/** metadata.name of the policy and of its binding. */
export const TENANT_GUARDRAILS = 'tenant-guardrails';

/** The label Flux puts on every object it applies, naming the Kustomization that owns it. */
const FLUX_OWNER_LABEL = 'kustomize.toolkit.fluxcd.io/name';

const str = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * A cluster-wide ValidatingAdmissionPolicy and its binding (rendered once per cluster): requests from a tenant team
 * (an OIDC group with the GitHub prefix) or from a tenant reconciler ServiceAccount may not create, change or delete
 * Crossplane kinds (`*.upbound.io`, `*.crossplane.io`) nor anything cluster-scoped. RBAC already grants them
 * none of that; this holds even if a role is widened by mistake. Within their namespaces they may not change or
 * delete what the platform applied there (objects of a `tenant-<team>` Kustomization: default-deny policies,
 * role bindings, secret stores), and their own NetworkPolicies may only admit traffic, never open egress, so
 * the platform's egress rules stay the only way out.
 */
export class TenantGuardrails extends Construct {
  constructor(scope: Construct, id: string, props: TenantGuardrailsProps) {
    super(scope, id);
    const saPrefix = `system:serviceaccount:${props.reconcilerNamespace ?? FLUX_NAMESPACE}:${props.reconcilerPrefix ?? 'tenant-'}`;
    const suffixes = props.deniedGroupSuffixes ?? ['.upbound.io', '.crossplane.io'];
    const isTenant =
      `request.userInfo.username.startsWith(${str(saPrefix)}) || ` +
      `(has(request.userInfo.groups) && request.userInfo.groups.exists(g, g.startsWith(${str(props.groupPrefix)})))`;
    const crossplane = suffixes.map((s) => `request.resource.group.endsWith(${str(s)}) || request.resource.group == ${str(s.slice(1))}`).join(' || ');
    new ApiObject(this, 'policy', {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: TENANT_GUARDRAILS },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [{ apiGroups: ['*'], apiVersions: ['*'], resources: ['*', '*/*'], operations: ['CREATE', 'UPDATE', 'DELETE'], scope: '*' }],
        },
        matchConditions: [{ name: 'tenant-principal', expression: isTenant }],
        validations: [
          {
            expression: `!(${crossplane})`,
            messageExpression: `'tenants may not write ' + request.resource.group + '/' + request.resource.resource + ': cloud resources are declared in tenants/<team>.yaml and created by the platform'`,
            reason: 'Forbidden',
          },
          {
            expression: `request.namespace != '' || request.resource.group in ['authorization.k8s.io', 'authentication.k8s.io']`,
            messageExpression: `'tenants may not write cluster-scoped ' + request.resource.resource`,
            reason: 'Forbidden',
          },
          {
            expression:
              `request.operation == 'CREATE' || oldObject == null || !has(oldObject.metadata.labels) || ` +
              `!(${str(FLUX_OWNER_LABEL)} in oldObject.metadata.labels) || !oldObject.metadata.labels[${str(FLUX_OWNER_LABEL)}].startsWith('tenant-')`,
            messageExpression: `'tenants may not change or delete ' + request.resource.resource + ' ' + oldObject.metadata.name + ': the platform manages it from tenants/<team>.yaml'`,
            reason: 'Forbidden',
          },
          {
            expression:
              `request.resource.group != 'networking.k8s.io' || request.resource.resource != 'networkpolicies' || object == null || ` +
              `(!has(object.spec.egress) && !(has(object.spec.policyTypes) && 'Egress' in object.spec.policyTypes))`,
            messageExpression: `'tenant NetworkPolicy ' + object.metadata.name + ' may only admit traffic (policyTypes: [Ingress]); egress is opened by the platform from tenants/<team>.yaml'`,
            reason: 'Forbidden',
          },
        ],
      },
    });
    new ApiObject(this, 'binding', {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: TENANT_GUARDRAILS },
      spec: { policyName: TENANT_GUARDRAILS, validationActions: ['Deny'] },
    });
  }
}
