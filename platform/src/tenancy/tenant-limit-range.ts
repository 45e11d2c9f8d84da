import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

export interface ContainerResources {
  readonly cpu: string;
  readonly memory: string;
}

export interface TenantLimitRangeProps {
  readonly namespace: string;
  /** Limits of a container that states none. @default { cpu: '1', memory: '1Gi' } */
  readonly defaultLimit?: ContainerResources;
  /** Requests of a container that states none. @default { cpu: '10m', memory: '100Mi' } */
  readonly defaultRequest?: ContainerResources;
}

/** The namespace's LimitRange `tenant-defaults`, so pods without resources still count against the quota. */
export class TenantLimitRange extends ApiObject {
  constructor(scope: Construct, id: string, props: TenantLimitRangeProps) {
    const limit = props.defaultLimit ?? { cpu: '1', memory: '1Gi' };
    const request = props.defaultRequest ?? { cpu: '10m', memory: '100Mi' };
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'tenant-defaults', namespace: props.namespace },
      spec: {
        limits: [
          {
            type: 'Container',
            default: { cpu: limit.cpu, memory: limit.memory },
            defaultRequest: { cpu: request.cpu, memory: request.memory },
          },
        ],
      },
    });
  }
}
