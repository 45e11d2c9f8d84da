import { BOOL, NUM, STR, arr, obj, oneOf, referable, referableList, regional } from '../_fields.js';
import type { Ref, RegionalForProvider } from '../_fields.js';
import { defineManagedResourceKind, managedResourceClass } from '../managed-resource.js';

/**
 * autoscaling AutoscalingGroup (the subset the platform uses). Name-identified: the external name
 * is the ASG name. Tags are a `tag[]` list with `propagateAtLaunch`, not a map.
 */
export const AUTOSCALING_GROUP = defineManagedResourceKind({
  apiVersion: 'autoscaling.aws.m.upbound.io/v1beta1',
  kind: 'AutoscalingGroup',
  forProvider: regional(
    {
      capacityRebalance: BOOL,
      defaultCooldown: NUM,
      defaultInstanceWarmup: NUM,
      desiredCapacity: NUM,
      enabledMetrics: arr(STR),
      forceDelete: BOOL,
      healthCheckGracePeriod: NUM,
      healthCheckType: oneOf('EC2', 'ELB', 'EBS', 'VPC_LATTICE'),
      launchTemplate: obj({ ...referable('id'), name: STR, version: STR }),
      maxInstanceLifetime: NUM,
      maxSize: NUM,
      metricsGranularity: STR,
      minSize: NUM,
      mixedInstancesPolicy: obj({
        instancesDistribution: obj({
          onDemandAllocationStrategy: oneOf('prioritized', 'lowest-price'),
          onDemandBaseCapacity: NUM,
          onDemandPercentageAboveBaseCapacity: NUM,
          spotAllocationStrategy: STR,
        }),
        launchTemplate: obj(
          {
            launchTemplateSpecification: obj({ ...referable('launchTemplateId'), launchTemplateName: STR, version: STR }),
            override: arr(obj({ instanceType: STR, weightedCapacity: STR })),
          },
          ['launchTemplateSpecification'],
        ),
      }),
      protectFromScaleIn: BOOL,
      suspendedProcesses: arr(STR),
      tag: arr(obj({ key: STR, value: STR, propagateAtLaunch: BOOL }, ['key', 'value', 'propagateAtLaunch'])),
      terminationPolicies: arr(STR),
      ...referableList('vpcZoneIdentifier', 'vpcZoneIdentifier'),
      waitForCapacityTimeout: STR,
    },
    ['minSize', 'maxSize'],
  ),
});

export interface AsgTag {
  readonly key: string;
  readonly value: string;
  /** Copy the tag to the instances the group launches. */
  readonly propagateAtLaunch: boolean;
}

export interface AutoscalingGroupForProvider extends RegionalForProvider {
  readonly minSize: number;
  readonly maxSize: number;
  /** Put it in `initProvider` when an autoscaler owns it afterwards. */
  readonly desiredCapacity?: number;
  /** One launch template and instance type. Give this or `mixedInstancesPolicy`. */
  readonly launchTemplate?: { readonly idRef: Ref; /** `$Latest`, `$Default` or a number. */ readonly version: string };
  /** A launch template with several instance types, in order of preference. */
  readonly mixedInstancesPolicy?: {
    readonly instancesDistribution?: { readonly onDemandAllocationStrategy?: 'prioritized' | 'lowest-price'; readonly onDemandPercentageAboveBaseCapacity?: number };
    readonly launchTemplate: {
      readonly launchTemplateSpecification: { readonly launchTemplateIdRef: Ref; readonly version: string };
      readonly override?: readonly { readonly instanceType: string }[];
    };
  };
  readonly vpcZoneIdentifierRefs: readonly Ref[];
  readonly capacityRebalance?: boolean;
  readonly healthCheckType?: 'EC2' | 'ELB';
  readonly healthCheckGracePeriod?: number;
  readonly enabledMetrics?: readonly string[];
  readonly tag?: readonly AsgTag[];
}

export const AutoscalingGroup = managedResourceClass<AutoscalingGroupForProvider>(AUTOSCALING_GROUP);
