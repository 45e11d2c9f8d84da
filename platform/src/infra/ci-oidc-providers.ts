import { Construct } from 'constructs';
import { IamOpenIdConnectProvider, oidcProviderArn } from '../crossplane/iam/openid-connect-provider.js';
import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import { type InfraProps, mrBase, resolveInfra } from './infra-props.js';

/** The cluster file's `tenancy.ciOidcProviders`: CI systems besides GitHub Actions whose tokens registry CI roles may trust. */
export interface CiOidcSettings {
  /** @default - no CircleCI */
  readonly circleci?: { readonly organizationId: string };
  /** @default - no GitLab */
  readonly gitlab?: { readonly url: string };
}

/** Who may push to one registry, by CI system. */
export interface CiPushers {
  /** GitHub repositories `<org>/<repo>`. */
  readonly githubRepositories: readonly string[];
  /** CircleCI project ids of the cluster's CircleCI organization. @default [] */
  readonly circleciProjects?: readonly string[];
  /** GitLab project paths `<group>/<project>` on the cluster's GitLab. @default [] */
  readonly gitlabProjects?: readonly string[];
}

/** The GitHub Actions issuer (no scheme). Its IAM OIDC provider is one per account, created when the account is set up. */
export const GITHUB_OIDC = 'token.actions.githubusercontent.com';
/** The audience GitHub Actions (aws-actions/configure-aws-credentials) and GitLab pipelines (`id_tokens`) ask for. */
export const STS_AUDIENCE = 'sts.amazonaws.com';
/** The CircleCI issuer of an organization (no scheme); its tokens' audience is the organization id. */
export const circleciIssuer = (organizationId: string) => `oidc.circleci.com/org/${organizationId}`;
/** The issuer of a GitLab instance (its URL without scheme). */
export const gitlabIssuer = (url: string) => url.replace(/^https:\/\//, '');

/** metadata.name of the cluster's CI OIDC providers, by CI system. */
export const CI_OIDC_PROVIDER = { circleci: 'ci-oidc-circleci', gitlab: 'ci-oidc-gitlab' } as const;

/**
 * The trust statements of a registry's CI role: one per CI system it names, each pinned to the issuer's audience
 * and to exactly the named repositories or projects (the `sub` claim), any branch or tag. Throws when a registry
 * names CircleCI or GitLab projects and the cluster declares no such provider (the loader reports it first).
 */
export function ciTrustStatements(accountId: string, ci: CiOidcSettings, pushers: CiPushers): PolicyStatement[] {
  const federated = (issuer: string, sid: string, audience: string, subjects: readonly string[]): PolicyStatement => ({
    sid,
    principal: { Federated: oidcProviderArn(accountId, issuer) },
    actions: ['sts:AssumeRoleWithWebIdentity'],
    condition: { StringEquals: { [`${issuer}:aud`]: audience }, StringLike: { [`${issuer}:sub`]: [...subjects] } },
  });
  const out: PolicyStatement[] = [];
  if (pushers.githubRepositories.length > 0) out.push(federated(GITHUB_OIDC, 'GitHubActions', STS_AUDIENCE, pushers.githubRepositories.map((r) => `repo:${r}:*`)));
  const circleci = pushers.circleciProjects ?? [];
  if (circleci.length > 0) {
    if (!ci.circleci) throw new Error(`'circleciProjects' (${circleci.join(', ')}) needs a CircleCI provider; allowed: tenancy.ciOidcProviders.circleci in the cluster file`);
    const org = ci.circleci.organizationId;
    out.push(federated(circleciIssuer(org), 'CircleCi', org, circleci.map((p) => `org/${org}/project/${p}/user/*`)));
  }
  const gitlab = pushers.gitlabProjects ?? [];
  if (gitlab.length > 0) {
    if (!ci.gitlab) throw new Error(`'gitlabProjects' (${gitlab.join(', ')}) needs a GitLab provider; allowed: tenancy.ciOidcProviders.gitlab in the cluster file`);
    out.push(federated(gitlabIssuer(ci.gitlab.url), 'GitLab', STS_AUDIENCE, gitlab.map((p) => `project_path:${p}:ref_type:*`)));
  }
  if (out.length === 0) throw new Error(`a registry CI role needs 'githubRepositories', 'circleciProjects' or 'gitlabProjects'; found none`);
  return out;
}

export interface CiOidcProvidersProps extends InfraProps {
  readonly ci: CiOidcSettings;
}

/**
 * The IAM OpenID Connect providers of the CI systems the cluster file declares (`tenancy.ciOidcProviders`), in the
 * cluster's account: CircleCI (issuer of the organization, audience the organization id) and GitLab (audience
 * `sts.amazonaws.com`). IAM validates their certificates through its own CA library, so no thumbprints are pinned.
 * Registry CI roles trust them for the projects they name (`ciTrustStatements`).
 */
export class CiOidcProviders extends Construct {
  constructor(scope: Construct, id: string, props: CiOidcProvidersProps) {
    super(scope, id);
    const infra = resolveInfra(props);
    const providers: [keyof typeof CI_OIDC_PROVIDER, string, string][] = [];
    if (props.ci.circleci) providers.push(['circleci', circleciIssuer(props.ci.circleci.organizationId), props.ci.circleci.organizationId]);
    if (props.ci.gitlab) providers.push(['gitlab', gitlabIssuer(props.ci.gitlab.url), STS_AUDIENCE]);
    for (const [system, issuer, audience] of providers) {
      new IamOpenIdConnectProvider(this, system, {
        ...mrBase(infra, CI_OIDC_PROVIDER[system]),
        externalName: oidcProviderArn(infra.accountId, issuer),
        forProvider: { url: `https://${issuer}`, clientIdList: [audience], tags: infra.tags },
      });
    }
  }
}
