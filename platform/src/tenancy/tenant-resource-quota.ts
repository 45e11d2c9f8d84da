import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/** A quota value that sets no cap. */
export const NO_QUOTA = 'none';

export interface TenantResourceQuotaProps {
  readonly namespace: string;
  /** Sum of CPU requests of all pods; `none` for no cap. @default '8' */
  readonly cpu?: string;
  /** Sum of memory requests and of memory limits; `none` for no cap. @default '16Gi' */
  readonly memory?: string;
  /** @default 50 */
  readonly pods?: number;
  /** Sum of PersistentVolumeClaim requests; `none` for no cap. @default '100Gi' */
  readonly storage?: string;
  /** Services of type LoadBalancer. @default 0 */
  readonly loadBalancers?: number;
}

/**
 * The namespace's ResourceQuota `tenant-quota`. Pods and LoadBalancer services are always capped; CPU, memory and
 * storage unless `none`. NodePort services are always 0: traffic enters through the ingress.
 */
export class TenantResourceQuota extends ApiObject {
  constructor(scope: Construct, id: string, props: TenantResourceQuotaProps) {
    const memory = props.memory ?? '16Gi';
    const cap = (key: string, value: string) => (value === NO_QUOTA ? {} : { [key]: value });
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: props.namespace },
      spec: {
        hard: {
          ...cap('limits.memory', memory),
          pods: String(props.pods ?? 50),
          ...cap('requests.cpu', props.cpu ?? '8'),
          ...cap('requests.memory', memory),
          ...cap('requests.storage', props.storage ?? '100Gi'),
          'services.loadbalancers': String(props.loadBalancers ?? 0),
          'services.nodeports': '0',
        },
      },
    });
  }
}
