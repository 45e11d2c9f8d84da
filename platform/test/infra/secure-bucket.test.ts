import { describe, expect, it } from 'vitest';
import { SecureBucket, tlsOnlyBucketPolicy } from '../../src/infra/secure-bucket.js';
import { find, renderObjects } from './_render.js';

const base = {
  name: 'logs',
  namespace: 'infra-staging',
  externalName: '222222222222-eu-west-2-staging-logs',
  region: 'eu-west-2',
  providerConfigRef: { kind: 'ClusterProviderConfig' as const, name: 'infra-staging' },
};

describe('SecureBucket', () => {
  it('GIVEN a key reference WHEN rendered THEN emits a retained bucket with every baseline setting', () => {
    const objects = renderObjects((c) => new SecureBucket(c, 'logs', { ...base, kmsKeyRef: { name: 'cluster' }, tags: { cluster: 'staging' } }));

    expect(objects.map((o) => o.kind).sort()).toEqual([
      'Bucket', 'BucketOwnershipControls', 'BucketPolicy', 'BucketPublicAccessBlock', 'BucketServerSideEncryptionConfiguration', 'BucketVersioning',
    ]);
    const bucket = find(objects, 'Bucket');
    expect(bucket.metadata.annotations).toEqual({ 'crossplane.io/external-name': '222222222222-eu-west-2-staging-logs' });
    expect(bucket.spec.managementPolicies).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    expect(bucket.spec.forProvider).toEqual({ region: 'eu-west-2', tags: { cluster: 'staging' } });
    expect(find(objects, 'BucketServerSideEncryptionConfiguration').spec.forProvider).toEqual({
      region: 'eu-west-2',
      bucketRef: { name: 'logs' },
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyIdRef: { name: 'cluster' } }, bucketKeyEnabled: true }],
    });
    expect(find(objects, 'BucketVersioning').spec.forProvider.versioningConfiguration).toEqual({ status: 'Enabled' });
    expect(find(objects, 'BucketOwnershipControls').spec.forProvider.rule).toEqual({ objectOwnership: 'BucketOwnerEnforced' });
    const pab = find(objects, 'BucketPublicAccessBlock').spec.forProvider;
    expect([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets]).toEqual([true, true, true, true]);
    for (const o of objects) expect(o.spec.providerConfigRef).toEqual({ kind: 'ClusterProviderConfig', name: 'infra-staging' });
  });

  it('GIVEN lifecycle rules WHEN rendered THEN emits them in the provider shape with multipart cleanup', () => {
    const objects = renderObjects(
      (c) => new SecureBucket(c, 'logs', { ...base, kmsKeyArn: 'arn:aws:kms:eu-west-2:222222222222:alias/staging', lifecycleRules: [{ id: 'expire', expirationDays: 90, noncurrentExpirationDays: 30 }] }),
    );
    expect(find(objects, 'BucketLifecycleConfiguration').spec.forProvider.rule).toEqual([
      {
        id: 'expire',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        expiration: [{ days: 90 }],
        noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
      },
    ]);
    expect(find(objects, 'BucketServerSideEncryptionConfiguration').spec.forProvider.rule[0].applyServerSideEncryptionByDefault.kmsMasterKeyId).toBe(
      'arn:aws:kms:eu-west-2:222222222222:alias/staging',
    );
  });

  it('GIVEN a bucket ARN WHEN building the TLS policy THEN it denies every non-TLS request on the bucket and its objects', () => {
    expect(JSON.parse(tlsOnlyBucketPolicy('arn:aws:s3:::b'))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
  });

  it('GIVEN both or neither key props WHEN constructed THEN fails naming the props', () => {
    expect(() => renderObjects((c) => new SecureBucket(c, 'b', base))).toThrow("SecureBucket 'logs': give exactly one of 'kmsKeyRef' and 'kmsKeyArn'");
    expect(() => renderObjects((c) => new SecureBucket(c, 'b', { ...base, kmsKeyArn: 'x', externalName: 'Bad_Name' }))).toThrow(
      "'externalName' (Bad_Name) is not a valid S3 bucket name",
    );
  });
});
