import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

export interface TenantNamespaceProps {
  /** Namespace name: the tenant name, or `<tenant>-<suffix>` for extra namespaces. */
  readonly name: string;
  readonly tenant: string;
  readonly environment: string;
  /** @default - none */
  readonly annotations?: Record<string, string>;
}

/** Label keys the platform puts on every tenant object; network policies and quotas select on them. */
export const TENANT_LABEL = 'platform.example.com/tenant';
export const ENVIRONMENT_LABEL = 'platform.example.com/environment';
/** A namespace name is a DNS label: 63 characters at most. */
export const NAMESPACE_MAX_LENGTH = 63;

// Annotations the platform puts on tenant Namespaces, as comma-separated lists. Only the platform writes
// Namespaces (tenant roles grant none, and admission refuses any other writer), so the tenant admission policy
// reads them through `namespaceObject` as facts about the tenancy.

/** The tenant's owner teams as group names without the cluster's OIDC prefix (`<org>:<team>`); admission binds roles only to them. */
export const OWNERS_ANNOTATION = 'platform.example.com/owners';
/** The hostnames the tenant owns (tenants/<team>.yaml `hostnames`): the only hosts its Ingresses may serve. */
export const HOSTNAMES_ANNOTATION = 'platform.example.com/hostnames';
/** The tenant's own image repositories (its ECR registries on every cluster it runs in). */
export const REGISTRIES_ANNOTATION = 'platform.example.com/registries';

/** A tenant namespace with Pod Security `restricted` enforced, audited and warned. */
export class TenantNamespace extends ApiObject {
  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: props.name,
        labels: {
          [TENANT_LABEL]: props.tenant,
          [ENVIRONMENT_LABEL]: props.environment,
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
        annotations: props.annotations,
      },
    });
  }
}
