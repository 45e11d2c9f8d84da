import { Construct } from 'constructs';
import { OpenSearchDomain } from '../crossplane/opensearch/domain.js';
import { type TenantAwsEnv, type TenantNetwork, fittedAwsName, mrCommon, tenantTags } from './tenant-aws-env.js';
import { type TenantAwsItem, type TenantAwsKind, oneVpcPort } from './tenant-aws-kind.js';

const DOMAIN_NAME = { what: 'OpenSearch domain name', max: 28 };
const PORT = 443;
const HTTP = ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete', 'es:ESHttpPatch'];
import { TenantSecurityGroup } from './tenant-security-group.js';
import { connectionSecretName } from './tenant-connection-secrets.js';

export interface TenantOpenSearchProps {
  readonly env: TenantAwsEnv;
  readonly network: TenantNetwork;
  /** Short name; the domain is `<cluster>-<prefix>-<name>`, shortened to OpenSearch's 28 characters (see `fitName`). */
  readonly name: string;
  readonly kmsKeyRef: { readonly name: string };
  /** IAM role that is the fine-grained access master user (a workload role of the tenant). */
  readonly masterUserArn: string;
  /** @default 'OpenSearch_2.19' */
  readonly engineVersion?: string;
  /** @default 't3.small.search' */
  readonly instanceType?: string;
  /** @default 2 */
  readonly instanceCount?: number;
  /** GiB per node. @default 20 */
  readonly volumeSize?: number;
}

/**
 * An OpenSearch domain for a tenant, inside the VPC (secure tier, compute tier only on 443),
 * encrypted at rest with the tenant key and node to node, HTTPS only with TLS 1.2+, fine-grained
 * access control with a tenant role as master user. Callers need `es:ESHttp*` on the domain in their
 * own IAM policy (the tenant's workload roles have it). The endpoint is written to the Secret `<name>-opensearch`
 * of the tenant namespace.
 */
export class TenantOpenSearch extends Construct {
  /** Name of the connection Secret in the tenant namespace. */
  readonly connectionSecret: string;

  constructor(scope: Construct, id: string, props: TenantOpenSearchProps) {
    super(scope, id);
    this.connectionSecret = connectionSecretName('opensearch', props.name);
    const { env, name } = props;
    const mrName = `opensearch-${name}`;
    const domainName = fittedAwsName(env, DOMAIN_NAME, name);
    const common = mrCommon(env, mrName);
    const count = props.instanceCount ?? 2;
    const zones = Math.min(count, 3, props.network.secureSubnetIds.length);
    const sg = new TenantSecurityGroup(this, 'security-group', { env, network: props.network, name: mrName, port: PORT, description: `OpenSearch ${domainName}: compute tier only` });
    new OpenSearchDomain(this, 'domain', {
      ...common,
      retain: true,
      writeConnectionSecretTo: this.connectionSecret,
      forProvider: {
        region: env.region,
        domainName,
        engineVersion: props.engineVersion ?? 'OpenSearch_2.19',
        clusterConfig: {
          instanceType: props.instanceType ?? 't3.small.search',
          instanceCount: count,
          zoneAwarenessEnabled: zones > 1,
          ...(zones > 1 ? { zoneAwarenessConfig: { availabilityZoneCount: zones as 2 | 3 } } : {}),
        },
        ebsOptions: { ebsEnabled: true, volumeSize: props.volumeSize ?? 20, volumeType: 'gp3' },
        encryptAtRest: { enabled: true, kmsKeyIdRef: props.kmsKeyRef },
        nodeToNodeEncryption: { enabled: true },
        domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
        advancedSecurityOptions: { enabled: true, anonymousAuthEnabled: false, internalUserDatabaseEnabled: false, masterUserOptions: { masterUserArn: props.masterUserArn } },
        vpcOptions: { subnetIds: props.network.secureSubnetIds.slice(0, Math.max(zones, 1)), securityGroupIdRefs: [sg.ref] },
        tags: tenantTags(env),
      },
    });
  }
}

/** The tenant AWS kind `aws.opensearch`. */
export const OPENSEARCH: TenantAwsKind<TenantAwsItem<'opensearch'>> = {
  field: 'opensearch',
  title: 'OpenSearch domain',
  mrPrefix: 'opensearch',
  names: [{ rule: DOMAIN_NAME, short: (o) => o.name }],
  arn: (env, o) => `arn:aws:es:${env.region}:${env.accountId}:domain/${fittedAwsName(env, DOMAIN_NAME, o.name)}`,
  workloadArns: (env, o) => [OPENSEARCH.arn(env, o)],
  workloadActions: (arns) => [{ sid: 'SearchDomains', actions: HTTP, resources: arns.map((d) => `${d}/*`) }],
  dataPlane: (patterns) => [{ sid: 'OwnSearchDomains', actions: HTTP, resources: [...patterns] }],
  providerRole: (patterns) => [{ sid: 'SearchDomains', actions: ['es:CreateDomain', 'es:DescribeDomain', 'es:DescribeDomainConfig', 'es:UpdateDomainConfig', 'es:AddTags', 'es:RemoveTags', 'es:ListTags'], resources: [...patterns] }],
  unscopedActions: ['es:ListDomainNames'],
  patterns: (s) => [`arn:aws:es:${s.region}:${s.accountId}:domain/${s.cluster}-${s.prefix}-*`],
  vpc: oneVpcPort('opensearch', PORT),
  publicEndpoint: false,
  stateful: [{ service: 'opensearch', kind: 'Domain', title: 'OpenSearch domain', loss: 'every index and document in the domain' }],
  providerPackages: ['opensearch'],
  summary: 'in the VPC (HTTPS 443 from the compute tier), encrypted with the tenant key and node to node, fine-grained access with the first service account\'s role as master user',
  render: (scope, ctx, o) => {
    new TenantOpenSearch(scope, `opensearch-${o.name}`, {
      env: ctx.env, network: ctx.network!, name: o.name, kmsKeyRef: ctx.kmsKeyRef, masterUserArn: ctx.workloadRoleArns[0] ?? ctx.tenantRoleArn,
      engineVersion: o.engineVersion, instanceType: o.instanceType, instanceCount: o.instanceCount, volumeSize: o.volumeSize,
    });
  },
};

