import { describe, expect, it } from 'vitest';
import { awsManagedPolicy, policyDocument, serviceTrustPolicy } from '../../../src/crossplane/iam/policy-document.js';

describe('policyDocument', () => {
  it('GIVEN named actions and resources WHEN rendered THEN emits a compact 2012-10-17 document', () => {
    expect(policyDocument([{ sid: 'Read', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }])).toBe(
      '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}',
    );
  });

  it('GIVEN a service wildcard action WHEN rendered THEN fails naming the action', () => {
    expect(() => policyDocument([{ actions: ['s3:*'], resources: ['arn:aws:s3:::b'] }])).toThrow("'actions' (s3:*) grants every action of a service");
    expect(() => policyDocument([{ actions: ['*'], resources: ['arn:aws:s3:::b'] }])).toThrow("'actions' (*) grants every action");
  });

  it('GIVEN a * resource WHEN no reason is given THEN fails, and WHEN a reason is given THEN passes', () => {
    expect(() => policyDocument([{ sid: 'D', actions: ['ec2:DescribeInstances'], resources: ['*'] }])).toThrow("'resources' (*) of statement D is not scoped");
    expect(policyDocument([{ actions: ['ec2:DescribeInstances'], resources: ['*'], anyResourceBecause: 'Describe calls take no resource' }])).toContain('"Resource":"*"');
  });

  it('GIVEN a Deny statement WHEN it uses wildcards THEN it is allowed (denies grant nothing)', () => {
    expect(policyDocument([{ effect: 'Deny', principal: '*', actions: ['s3:*'], resources: ['*'] }])).toContain('"Effect":"Deny"');
  });

  it('GIVEN a service WHEN building a trust policy THEN only that service may assume the role', () => {
    expect(JSON.parse(serviceTrustPolicy('eks.amazonaws.com'))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(awsManagedPolicy('AmazonEKSClusterPolicy')).toBe('arn:aws:iam::aws:policy/AmazonEKSClusterPolicy');
  });
});
