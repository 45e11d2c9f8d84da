import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';

export interface AppAutoscalerProps extends AppObjectProps {
  /** Deployment to scale (same namespace). */
  readonly deploymentName: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Average CPU use in percent of the request to aim for. @default 70 */
  readonly targetCPUUtilization?: number;
}

/** An autoscaling/v2 HorizontalPodAutoscaler on average CPU utilization. */
export class AppAutoscaler extends ApiObject {
  constructor(scope: Construct, id: string, props: AppAutoscalerProps) {
    if (props.minReplicas < 1 || props.maxReplicas < props.minReplicas) {
      throw new Error(`'maxReplicas' (${props.maxReplicas}) must be at least 'minReplicas' (${props.minReplicas}), which must be at least 1`);
    }
    super(scope, id, {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: appMetadata(props),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: props.deploymentName },
        minReplicas: props.minReplicas,
        maxReplicas: props.maxReplicas,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: props.targetCPUUtilization ?? 70 } } }],
      },
    });
  }
}
