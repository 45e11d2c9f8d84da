import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

interface TenantPriorityClass {
  readonly value: number;
  readonly preemptionPolicy: 'Never' | 'PreemptLowerPriority';
  readonly description: string;
}

/**
 * The priority classes the platform offers tenants, and the only ones admission lets their pods name. Both sit
 * at or below the default priority (0) of every pod without a class, so no tenant pod ever preempts a platform
 * pod or another team's ordinary pod: `tenant-standard` only preempts `tenant-batch`, and `tenant-batch` yields
 * to everything and preempts nothing. cluster-autoscaler still scales up for both (its expendable cutoff is -10).
 */
export const TENANT_PRIORITY_CLASSES: Readonly<Record<string, TenantPriorityClass>> = {
  'tenant-batch': {
    value: -1,
    preemptionPolicy: 'Never',
    description: 'Tenant batch work: scheduled after every other pod, preempts nothing, is preempted first.',
  },
  'tenant-standard': {
    value: 0,
    preemptionPolicy: 'PreemptLowerPriority',
    description: 'Tenant services: the default priority, named; preempts only tenant-batch pods.',
  },
};

/** The PriorityClasses of TENANT_PRIORITY_CLASSES, rendered once per cluster. */
export class TenantPriorityClasses extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const [name, pc] of Object.entries(TENANT_PRIORITY_CLASSES)) {
      new ApiObject(this, name, {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name, labels: { 'platform.example.com/tenancy': 'true' } },
        value: pc.value,
        preemptionPolicy: pc.preemptionPolicy,
        globalDefault: false,
        description: pc.description,
      });
    }
  }
}
