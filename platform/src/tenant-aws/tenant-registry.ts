import { Construct } from 'constructs';
import { EcrLifecyclePolicy, EcrRepository, EcrRepositoryPolicy } from '../crossplane/ecr/repository.js';
import { IamPolicy, IamRole, IamRolePolicyAttachment } from '../crossplane/iam/role.js';
import { type PolicyStatement, policyDocument } from '../crossplane/iam/policy-document.js';
import { ECR_READ_ACTIONS } from '../infra/image-reflector-role.js';
import { ecrImage } from '../workloads/ecr-image.js';
import { type TenantAwsEnv, IAM_ROLE_NAME, fittedAwsName, mrCommon, accountRoleArn, ownBoundaryArn, tenantTags } from './tenant-aws-env.js';
import type { TenantAwsItem, TenantAwsKind } from './tenant-aws-kind.js';
import { type CiOidcSettings, type CiPushers, ciTrustStatements } from '../infra/ci-oidc-providers.js';

const REPOSITORY_NAME = { what: 'ECR repository name', max: 256 };
/** The AWS name of the registry `name`. */
const repositoryName = (env: TenantAwsEnv, name: string) => fittedAwsName(env, REPOSITORY_NAME, name);
const registryArn = (env: TenantAwsEnv, name: string) => `arn:aws:ecr:${env.region}:${env.accountId}:repository/${repositoryName(env, name)}`;
/** The CI role of the registry `name`: `<cluster>-<prefix>-ci-<name>`, shortened to IAM's 64 characters. */
export const registryCiRoleName = (env: TenantAwsEnv, name: string) => fittedAwsName(env, IAM_ROLE_NAME, `ci-${name}`);

export interface TenantRegistryProps extends CiPushers {
  readonly env: TenantAwsEnv;
  /** Short name; the repository is `<cluster>-<tenant>-<name>`. */
  readonly name: string;
  readonly kmsKeyRef: { readonly name: string };
  /** The cluster's CI OIDC providers besides GitHub (`tenancy.ciOidcProviders`). @default {} - GitHub Actions only */
  readonly ciOidc?: CiOidcSettings;
  /** The cluster's node role: it may pull. */
  readonly nodeRoleArn: string;
  /** Node roles of the other clusters that run apps from this repository: they may pull too. @default [] */
  readonly otherNodeRoleArns?: readonly string[];
  /**
   * The management cluster's image-reflector-controller role, when image automation follows an app
   * from this repository: it may list and read images. @default - no image automation access
   */
  readonly imageAutomationRoleArn?: string;
  /** Keep this many most recent images. @default 30 */
  readonly keepImages?: number;
}

/** The image repository (without tag) that apps name to run images of the tenant registry `name` on this cluster. */
export function tenantRegistryImage(env: TenantAwsEnv, name: string): string {
  return ecrImage({ accountId: env.accountId, region: env.region, name: repositoryName(env, name) });
}

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
const PUSH = ['ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage', 'ecr:DescribeImages', ...PULL];

/**
 * A container registry for a tenant: an ECR repository with scan on push, immutable tags and the
 * tenant key, a lifecycle policy keeping the last N images, pull for the cluster's nodes, and a CI
 * role `<cluster>-<tenant>-ci-<name>` that CI jobs of exactly the declared GitHub repositories (`repo:<org>/<repo>:*`),
 * CircleCI projects and GitLab projects can assume through their OIDC providers to push (see `ciTrustStatements`).
 * The repository is retained.
 * Node roles of other clusters that run its images may pull, and the management cluster's
 * image-reflector-controller may list and read it when image automation follows one of its images.
 */
export class TenantRegistry extends Construct {
  readonly arn: string;
  readonly ciRoleArn: string;

  constructor(scope: Construct, id: string, props: TenantRegistryProps) {
    super(scope, id);
    const { env, name } = props;
    const mrName = `registry-${name}`;
    const common = mrCommon(env, mrName);
    const ciRole = registryCiRoleName(env, name);
    const repository = repositoryName(env, name);
    this.arn = registryArn(env, name);
    this.ciRoleArn = accountRoleArn(env, ciRole);
    new EcrRepository(this, 'repository', {
      ...common,
      externalName: repository,
      retain: true,
      forProvider: {
        region: env.region,
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: 'IMMUTABLE',
        encryptionConfiguration: [{ encryptionType: 'KMS', kmsKeyRef: props.kmsKeyRef }],
        tags: tenantTags(env),
      },
    });
    new EcrLifecyclePolicy(this, 'lifecycle', {
      ...common,
      forProvider: {
        region: env.region,
        repositoryRef: { name: mrName },
        policy: JSON.stringify({
          rules: [{ rulePriority: 1, description: `keep the last ${props.keepImages ?? 30} images`, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: props.keepImages ?? 30 }, action: { type: 'expire' } }],
        }),
      },
    });
    new EcrRepositoryPolicy(this, 'policy', {
      ...common,
      forProvider: {
        region: env.region,
        repositoryRef: { name: mrName },
        policy: policyDocument(repositoryStatements(props, this.ciRoleArn)),
      },
    });

    const ci = mrCommon(env, `${mrName}-ci`);
    new IamRole(this, 'ci-role', {
      ...ci,
      externalName: ciRole,
      forProvider: {
        description: `${pushersOf(props)} pushing to ${repository}`,
        assumeRolePolicy: policyDocument(ciTrustStatements(env.accountId, props.ciOidc ?? {}, props)),
        permissionsBoundary: ownBoundaryArn(env),
        tags: tenantTags(env),
      },
    });
    new IamPolicy(this, 'ci-policy', {
      ...ci,
      externalName: ciRole,
      forProvider: {
        description: `Push to ${repository}`,
        policy: policyDocument([
          {
            sid: 'Login',
            actions: ['ecr:GetAuthorizationToken'],
            resources: ['*'],
            anyResourceBecause: 'ecr:GetAuthorizationToken cannot be scoped to a repository',
            // The token is only good for the cluster's region.
            condition: { StringEquals: { 'aws:RequestedRegion': env.region } },
          },
          { sid: 'Push', actions: PUSH, resources: [this.arn] },
        ]),
        tags: tenantTags(env),
      },
    });
    new IamRolePolicyAttachment(this, 'ci-attachment', { ...ci, forProvider: { roleRef: { name: ci.name }, policyArnRef: { name: ci.name } } });
  }
}

/** The CI jobs that may push, for the role's description: `GitHub Actions of acme/web; GitLab projects acme/api`. */
function pushersOf(p: CiPushers): string {
  const named = (system: string, items: readonly string[] = []) => (items.length > 0 ? [`${system} of ${items.join(', ')}`] : []);
  return [...named('GitHub Actions', p.githubRepositories), ...named('CircleCI projects', p.circleciProjects), ...named('GitLab projects', p.gitlabProjects)].join('; ');
}

/** The repository policy: who may pull, push and scan. */
function repositoryStatements(props: TenantRegistryProps, ciRoleArn: string): PolicyStatement[] {
  const nodes = [props.nodeRoleArn, ...[...new Set(props.otherNodeRoleArns ?? [])].filter((a) => a !== props.nodeRoleArn).sort()];
  return [
    { sid: 'NodesPull', principal: { AWS: nodes.length === 1 ? nodes[0]! : nodes }, actions: PULL },
    { sid: 'CiPushes', principal: { AWS: ciRoleArn }, actions: PUSH },
    ...(props.imageAutomationRoleArn ? [{ sid: 'ImageAutomationScans', principal: { AWS: props.imageAutomationRoleArn }, actions: ECR_READ_ACTIONS }] : []),
  ];
}

const LOGIN = 'ecr:GetAuthorizationToken';

/** The tenant AWS kind `aws.registries`. */
export const REGISTRIES: TenantAwsKind<TenantAwsItem<'registries'>> = {
  field: 'registries',
  title: 'container registry (ECR)',
  mrPrefix: 'registry',
  names: [{ rule: REPOSITORY_NAME, short: (r) => r.name }, { rule: IAM_ROLE_NAME, short: (r) => `ci-${r.name}` }],
  arn: (env, r) => registryArn(env, r.name),
  workloadArns: () => [],
  workloadActions: () => [],
  dataPlane: (patterns, s) => [
    { sid: 'OwnRegistries', actions: [...PULL, ...PUSH.slice(0, 5)], resources: [...patterns] },
    {
      sid: 'RegistryLogin',
      actions: [LOGIN],
      resources: ['*'],
      anyResourceBecause: `${LOGIN} cannot be scoped to a repository`,
      condition: { StringEquals: { 'aws:RequestedRegion': s.region } },
    },
  ],
  providerRole: (patterns) => [{ sid: 'Registries', actions: ['ecr:CreateRepository', 'ecr:DescribeRepositories', 'ecr:PutImageScanningConfiguration', 'ecr:PutImageTagMutability', 'ecr:PutLifecyclePolicy', 'ecr:GetLifecyclePolicy', 'ecr:DeleteLifecyclePolicy', 'ecr:SetRepositoryPolicy', 'ecr:GetRepositoryPolicy', 'ecr:DeleteRepositoryPolicy', 'ecr:TagResource', 'ecr:UntagResource', 'ecr:ListTagsForResource'], resources: [...patterns] }],
  unscopedActions: [],
  patterns: (s) => [`arn:aws:ecr:${s.region}:${s.accountId}:repository/${s.cluster}-${s.prefix}-*`],
  vpc: null,
  publicEndpoint: false,
  stateful: [{ service: 'ecr', kind: 'Repository', title: 'ECR repository', loss: 'every image pushed to the repository' }],
  providerPackages: ['ecr', 'iam'],
  summary: 'scan on push, immutable tags, encrypted with the tenant key; the nodes pull, a CI role `ci-<name>` for the listed GitHub repositories, CircleCI or GitLab projects pushes',
  render: (scope, ctx, r) => {
    const readers = ctx.extra.registryReaders as Readonly<Record<string, Pick<TenantRegistryProps, 'otherNodeRoleArns' | 'imageAutomationRoleArn'>>> | undefined;
    new TenantRegistry(scope, `registry-${r.name}`, {
      env: ctx.env, name: r.name, kmsKeyRef: ctx.kmsKeyRef, keepImages: r.keepImages, ciOidc: ctx.extra.ciOidc as CiOidcSettings | undefined,
      githubRepositories: r.githubRepositories, circleciProjects: r.circleciProjects, gitlabProjects: r.gitlabProjects,
      nodeRoleArn: ctx.extra.nodeRoleArn as string, ...readers?.[r.name],
    });
  },
};

