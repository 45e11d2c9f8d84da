import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

export interface TenantResourceQuotaProps {
  readonly namespace: string;
  /** Sum of CPU requests of all pods. @default '8' */
  readonly cpu?: string;
  /** Sum of memory requests and of memory limits. @default '16Gi' */
  readonly memory?: string;
  /** @default 50 */
  readonly pods?: number;
  /** Sum of PersistentVolumeClaim requests. @default '100Gi' */
  readonly storage?: string;
  /** Services of type LoadBalancer. @default 0 */
  readonly loadBalancers?: number;
}

/** The namespace's ResourceQuota `tenant-quota`. NodePort services are always 0: traffic enters through the ingress. */
export class TenantResourceQuota extends ApiObject {
  constructor(scope: Construct, id: string, props: TenantResourceQuotaProps) {
    const memory = props.memory ?? '16Gi';
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: props.namespace },
      spec: {
        hard: {
          'limits.memory': memory,
          pods: String(props.pods ?? 50),
          'requests.cpu': props.cpu ?? '8',
          'requests.memory': memory,
          'requests.storage': props.storage ?? '100Gi',
          'services.loadbalancers': String(props.loadBalancers ?? 0),
          'services.nodeports': '0',
        },
      },
    });
  }
}
