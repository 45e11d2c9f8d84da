import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';

export interface AppDisruptionBudgetProps extends AppObjectProps {
  /** Labels of the pods it protects. */
  readonly selector: Record<string, string>;
  /** Pods a voluntary disruption (drain, upgrade) may take down at once. @default 1 */
  readonly maxUnavailable?: number;
}

/** A policy/v1 PodDisruptionBudget: node drains evict at most `maxUnavailable` of the app's pods at a time. */
export class AppDisruptionBudget extends ApiObject {
  constructor(scope: Construct, id: string, props: AppDisruptionBudgetProps) {
    super(scope, id, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: appMetadata(props),
      spec: {
        maxUnavailable: props.maxUnavailable ?? 1,
        selector: { matchLabels: props.selector },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });
  }
}
