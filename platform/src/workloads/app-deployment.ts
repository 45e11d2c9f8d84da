import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { type AppPodProps, appPodProps, restrictPod } from './_app-pod.js';

export { RELOADER_SECRET_ANNOTATION } from './_app-pod.js';

export interface AppDeploymentProps extends AppPodProps {
  /** Labels the Deployment selects its pods by; a subset of `labels`, never changed afterwards. */
  readonly selector: Record<string, string>;
  /** Fixed pod count. @default - none: an autoscaler owns the count */
  readonly replicas?: number;
}

/** Well-known node labels the pods spread over, widest first. */
export const SPREAD_TOPOLOGY_KEYS = ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'] as const;

/**
 * An app's Deployment (cdk8s-plus-27) under the restricted Pod Security profile: non-root, read-only
 * root filesystem (with a writable /tmp), no capabilities, no privilege escalation, seccomp
 * RuntimeDefault. It selects its pods by the stable labels given, never by cdk8s address labels, and
 * spreads them over zones, then nodes (soft: `ScheduleAnyway`, skew 1, counting only the pods of the current
 * rollout), so one zone or node going away takes as few of them as the cluster's capacity allows.
 */
export class AppDeployment extends Construct {
  readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string, props: AppDeploymentProps) {
    super(scope, id);
    const { workload, annotations } = appPodProps(this, props, { reload: true });
    const deployment = new kplus.Deployment(this, 'resource', { ...workload, replicas: props.replicas });
    deployment.select(kplus.LabelSelector.of({ labels: props.selector }));
    // Without a fixed count an autoscaler owns spec.replicas; leaving it out keeps Flux from resetting it.
    if (props.replicas === undefined) deployment.markHasAutoscaler();
    const api = ApiObject.of(deployment);
    restrictPod(api, '/spec/template', annotations);
    api.addJsonPatch(JsonPatch.add('/spec/template/spec/topologySpreadConstraints', spreadConstraints(props.selector)));
    this.deployment = deployment;
  }
}

/**
 * Soft spread over every key of SPREAD_TOPOLOGY_KEYS. Soft because a node group is one auto scaling group over all
 * zones: the cluster autoscaler cannot add a node in a chosen zone, so a hard constraint could leave pods pending.
 */
function spreadConstraints(selector: Record<string, string>) {
  return SPREAD_TOPOLOGY_KEYS.map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: selector },
    matchLabelKeys: ['pod-template-hash'],
  }));
}
