import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { IamOpenIdConnectProvider, oidcProviderArn } from '../../../src/crossplane/iam/openid-connect-provider.js';
import { validateManifest } from '../../../src/validation/manifest-validator.js';

const ISSUER = 'oidc.eks.eu-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF';

describe('IamOpenIdConnectProvider', () => {
  it('GIVEN an EKS issuer WHEN its ARN is derived THEN it is the oidc-provider of the account named by the issuer', () => {
    expect(oidcProviderArn('123456789012', ISSUER)).toBe(`arn:aws:iam::123456789012:oidc-provider/${ISSUER}`);
  });

  it('GIVEN url and audiences WHEN rendered THEN the object is valid; WHEN url is missing or a field is misspelt THEN validation names it', () => {
    const chart = new Chart(new App({ outdir: '/nonexistent' }), 'test');
    new IamOpenIdConnectProvider(chart, 'oidc', { name: 'oidc-provider', namespace: 'infra-x', forProvider: { url: `https://${ISSUER}`, clientIdList: ['sts.amazonaws.com'] } });
    const [obj] = chart.toJson() as Record<string, any>[];
    expect(obj!.spec.forProvider).toEqual({ url: `https://${ISSUER}`, clientIdList: ['sts.amazonaws.com'] });
    expect(validateManifest(obj!)).toEqual([]);
    const { url: _url, ...noUrl } = obj!.spec.forProvider;
    expect(validateManifest({ ...obj!, spec: { forProvider: noUrl } })).toEqual(["spec.forProvider: must have required property 'url'"]);
    expect(validateManifest({ ...obj!, spec: { forProvider: { ...noUrl, url: 'https://x', clientIDList: [] } } })).toEqual(['spec.forProvider: must NOT have additional properties "clientIDList"']);
  });
});
