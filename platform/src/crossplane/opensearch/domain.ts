import { BOOL, NUM, STR, STR_MAP, obj, oneOf, referable, referableList, regional } from '../_fields.js';
import type { Ref, TaggedForProvider } from '../_fields.js';
import { defineManagedResourceKind, managedResourceClass } from '../managed-resource.js';

/**
 * opensearch.aws.m.upbound.io/v1beta1 Domain. The domain name is `forProvider.domainName`
 * (3 to 28 characters, required on create); AWS identifies the domain by its ARN.
 */
export const OPENSEARCH_DOMAIN = defineManagedResourceKind({
  apiVersion: 'opensearch.aws.m.upbound.io/v1beta1',
  kind: 'Domain',
  forProvider: regional({
    advancedSecurityOptions: obj({
      anonymousAuthEnabled: BOOL,
      enabled: BOOL,
      internalUserDatabaseEnabled: BOOL,
      masterUserOptions: obj({ masterUserArn: STR }),
    }),
    clusterConfig: obj({
      dedicatedMasterCount: NUM,
      dedicatedMasterEnabled: BOOL,
      dedicatedMasterType: STR,
      instanceCount: NUM,
      instanceType: STR,
      multiAzWithStandbyEnabled: BOOL,
      zoneAwarenessConfig: obj({ availabilityZoneCount: { type: 'number', enum: [2, 3] } }),
      zoneAwarenessEnabled: BOOL,
    }),
    domainEndpointOptions: obj({ enforceHttps: BOOL, tlsSecurityPolicy: STR }),
    domainName: { type: 'string', pattern: '^[a-z][a-z0-9-]{2,27}$' },
    ebsOptions: obj({ ebsEnabled: BOOL, iops: NUM, throughput: NUM, volumeSize: NUM, volumeType: oneOf('standard', 'gp2', 'gp3', 'io1') }),
    encryptAtRest: obj({ enabled: BOOL, ...referable('kmsKeyId') }),
    engineVersion: STR,
    nodeToNodeEncryption: obj({ enabled: BOOL }),
    snapshotOptions: obj({ automatedSnapshotStartHour: NUM }),
    tags: STR_MAP,
    vpcOptions: obj({ ...referableList('securityGroupIds', 'securityGroupId'), ...referableList('subnetIds', 'subnetId') }),
  }, ['domainName']),
});

export interface OpenSearchDomainForProvider extends TaggedForProvider {
  readonly domainName: string;
  /** e.g. `OpenSearch_2.19`. */
  readonly engineVersion: string;
  readonly clusterConfig: {
    readonly instanceType: string;
    readonly instanceCount: number;
    readonly zoneAwarenessEnabled: boolean;
    readonly zoneAwarenessConfig?: { readonly availabilityZoneCount: 2 | 3 };
  };
  readonly ebsOptions: { readonly ebsEnabled: boolean; readonly volumeSize: number; readonly volumeType: 'gp3' };
  readonly encryptAtRest: { readonly enabled: boolean; readonly kmsKeyIdRef?: Ref };
  readonly nodeToNodeEncryption: { readonly enabled: boolean };
  readonly domainEndpointOptions: { readonly enforceHttps: boolean; readonly tlsSecurityPolicy?: string };
  readonly advancedSecurityOptions: {
    readonly enabled: boolean;
    readonly anonymousAuthEnabled: boolean;
    readonly internalUserDatabaseEnabled: boolean;
    readonly masterUserOptions: { readonly masterUserArn: string };
  };
  readonly vpcOptions: { readonly subnetIds: readonly string[]; readonly securityGroupIdRefs: readonly Ref[] };
}

/** An OpenSearch domain. Holds data: emit it with `retain: true`. */
export const OpenSearchDomain = managedResourceClass<OpenSearchDomainForProvider>(OPENSEARCH_DOMAIN);
