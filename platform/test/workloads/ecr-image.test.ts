import { describe, expect, it } from 'vitest';
import { ecrImage, ecrRepositoryArn, isEcrHost, parseEcrImage } from '../../src/workloads/ecr-image.js';

describe('ECR images', () => {
  it('GIVEN an ECR image WHEN parsed THEN account, region and repository come back, and build the same image and the repository ARN', () => {
    const ref = parseEcrImage('222222222222.dkr.ecr.eu-west-2.amazonaws.com/staging-payments-api');
    expect(ref).toEqual({ accountId: '222222222222', region: 'eu-west-2', name: 'staging-payments-api' });
    expect(ecrImage(ref!)).toBe('222222222222.dkr.ecr.eu-west-2.amazonaws.com/staging-payments-api');
    expect(ecrRepositoryArn(ref!)).toBe('arn:aws:ecr:eu-west-2:222222222222:repository/staging-payments-api');
    expect(parseEcrImage('111111111111.dkr.ecr.us-gov-west-1.amazonaws.com/team/app')).toEqual({ accountId: '111111111111', region: 'us-gov-west-1', name: 'team/app' });
  });

  it('GIVEN other registries or a malformed ECR host WHEN parsed THEN none is an ECR repository, but the malformed one is still an ECR host', () => {
    expect(parseEcrImage('ghcr.io/acme/refund-worker')).toBeUndefined();
    expect(isEcrHost('ghcr.io/acme/refund-worker')).toBe(false);
    for (const bad of ['22222222222.dkr.ecr.eu-west-2.amazonaws.com/app', '222222222222.dkr.ecr.europe.amazonaws.com/app', '222222222222.dkr.ecr.eu-west-2.amazonaws.com']) {
      expect([bad, parseEcrImage(bad)]).toEqual([bad, undefined]);
      expect([bad, isEcrHost(bad)]).toEqual([bad, true]);
    }
  });
});
