import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { CiOidcProviders, ciTrustStatements } from '../../src/infra/ci-oidc-providers.js';
import { policyDocument } from '../../src/crossplane/iam/policy-document.js';
import { TenantRegistry } from '../../src/tenant-aws/tenant-registry.js';
import { trustsWebIdentity } from '../tenant-aws/_iam-eval.js';
import { ENV } from '../tenant-aws/_env.js';

const ACCOUNT = ENV.accountId;
const ORG = '0f3e2a1b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
const OTHER_ORG = '11111111-2222-4333-8444-555555555555';
const PROJECT = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const OTHER_PROJECT = '99999999-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const CI = { circleci: { organizationId: ORG }, gitlab: { url: 'https://gitlab.com' } };
const trust = ciTrustStatements(ACCOUNT, CI, { githubRepositories: ['acme/web'], circleciProjects: [PROJECT], gitlabProjects: ['acme/checkout'] });

const provider = (issuer: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer}`;
const gitlab = (sub: string, aud = 'sts.amazonaws.com', issuer = 'gitlab.com') => trustsWebIdentity(trust, provider(issuer), { [`${issuer}:aud`]: aud, [`${issuer}:sub`]: sub });
const circleci = (project: string, org = ORG, aud = org) => {
  const issuer = `oidc.circleci.com/org/${org}`;
  return trustsWebIdentity(trust, provider(issuer), { [`${issuer}:aud`]: aud, [`${issuer}:sub`]: `org/${org}/project/${project}/user/5e6f7a8b-0000-4000-8000-000000000001` });
};

describe('ciTrustStatements', () => {
  it('GIVEN a GitLab project WHEN its pipelines (any branch or tag) assume the CI role THEN IAM lets them', () => {
    expect(gitlab('project_path:acme/checkout:ref_type:branch:ref:main')).toBe(true);
    expect(gitlab('project_path:acme/checkout:ref_type:tag:ref:v1.2.0')).toBe(true);
  });

  it('GIVEN a GitLab project WHEN a project of another group, a look-alike, a subproject, another audience or another GitLab tries THEN it is denied', () => {
    expect(gitlab('project_path:evil/checkout:ref_type:branch:ref:main')).toBe(false);
    expect(gitlab('project_path:acme/checkout-fork:ref_type:branch:ref:main')).toBe(false);
    expect(gitlab('project_path:acme/checkout/sub:ref_type:branch:ref:main')).toBe(false);
    expect(gitlab('project_path:acme/checkout:ref_type:branch:ref:main', 'https://gitlab.com')).toBe(false);
    expect(gitlab('project_path:acme/checkout:ref_type:branch:ref:main', 'sts.amazonaws.com', 'gitlab.evil.example')).toBe(false);
  });

  it('GIVEN a CircleCI project WHEN its jobs assume the CI role THEN IAM lets them, and an unlisted project, another org or audience is denied', () => {
    expect(circleci(PROJECT)).toBe(true);
    expect(circleci(OTHER_PROJECT)).toBe(false);
    // Same project id, but a token of another organization's issuer: no statement trusts that provider.
    expect(circleci(PROJECT, OTHER_ORG)).toBe(false);
    expect(circleci(PROJECT, ORG, 'sts.amazonaws.com')).toBe(false);
  });

  it('GIVEN GitHub, CircleCI and GitLab WHEN a token of one system presents a subject of another THEN it is denied', () => {
    const gh = provider('token.actions.githubusercontent.com');
    expect(trustsWebIdentity(trust, gh, { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:acme/web:ref:refs/heads/main' })).toBe(true);
    expect(trustsWebIdentity(trust, gh, { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'project_path:acme/checkout:ref_type:branch:ref:main' })).toBe(false);
    expect(gitlab('repo:acme/web:ref:refs/heads/main')).toBe(false);
  });

  it('GIVEN only GitHub repositories WHEN the trust is built THEN it trusts GitHub alone, and projects without their provider throw', () => {
    expect(ciTrustStatements(ACCOUNT, CI, { githubRepositories: ['acme/web'] }).map((s) => s.sid)).toEqual(['GitHubActions']);
    expect(() => ciTrustStatements(ACCOUNT, {}, { githubRepositories: [], gitlabProjects: ['acme/checkout'] })).toThrow(/'gitlabProjects' \(acme\/checkout\) needs a GitLab provider; allowed: tenancy.ciOidcProviders.gitlab/);
    expect(() => ciTrustStatements(ACCOUNT, {}, { githubRepositories: [], circleciProjects: [PROJECT] })).toThrow(/needs a CircleCI provider/);
    expect(() => ciTrustStatements(ACCOUNT, CI, { githubRepositories: [] })).toThrow(/found none/);
  });

  it('GIVEN a registry with GitLab and CircleCI projects WHEN rendered THEN its CI role carries exactly that trust', () => {
    const chart = new Chart(Testing.app(), 'c');
    new TenantRegistry(chart, 'registry', {
      env: ENV, name: 'web', kmsKeyRef: { name: 'key' }, nodeRoleArn: 'arn:aws:iam::123456789012:role/stage-eks-node', ciOidc: CI,
      githubRepositories: [], circleciProjects: [PROJECT], gitlabProjects: ['acme/checkout'],
    });
    const role = chart.toJson().find((o) => o.kind === 'Role') as { spec: { forProvider: { assumeRolePolicy: string; description: string } } };
    expect(role.spec.forProvider.assumeRolePolicy).toBe(policyDocument(ciTrustStatements(ACCOUNT, CI, { githubRepositories: [], circleciProjects: [PROJECT], gitlabProjects: ['acme/checkout'] })));
    expect(role.spec.forProvider.description).toBe(`CircleCI projects of ${PROJECT}; GitLab projects of acme/checkout pushing to stage-shop-web`);
  });
});

describe('CiOidcProviders', () => {
  it('GIVEN CircleCI and a self-managed GitLab WHEN rendered THEN one IAM OIDC provider each, adopted by ARN, with the audience their tokens carry', () => {
    const chart = new Chart(Testing.app(), 'c');
    new CiOidcProviders(chart, 'ci', { cluster: 'stage', accountId: ACCOUNT, region: 'eu-west-2', ci: { circleci: { organizationId: ORG }, gitlab: { url: 'https://gitlab.acme.example' } } });
    const objs = chart.toJson() as { kind: string; metadata: { name: string; annotations: Record<string, string> }; spec: { forProvider: Record<string, unknown> } }[];
    expect(objs.map((o) => [o.kind, o.metadata.name, o.metadata.annotations['crossplane.io/external-name'], o.spec.forProvider.url, o.spec.forProvider.clientIdList])).toEqual([
      ['OpenIDConnectProvider', 'ci-oidc-circleci', provider(`oidc.circleci.com/org/${ORG}`), `https://oidc.circleci.com/org/${ORG}`, [ORG]],
      ['OpenIDConnectProvider', 'ci-oidc-gitlab', provider('gitlab.acme.example'), 'https://gitlab.acme.example', ['sts.amazonaws.com']],
    ]);
  });

  it('GIVEN no CI systems WHEN rendered THEN nothing is', () => {
    const chart = new Chart(Testing.app(), 'c');
    new CiOidcProviders(chart, 'ci', { cluster: 'stage', accountId: ACCOUNT, region: 'eu-west-2', ci: {} });
    expect(chart.toJson()).toEqual([]);
  });
});
