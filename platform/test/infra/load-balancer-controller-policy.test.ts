import { describe, expect, it } from 'vitest';
import { loadBalancerControllerStatements } from '../../src/infra/load-balancer-controller-policy.js';

const statements = loadBalancerControllerStatements({ cluster: 'prod', accountId: '333333333333', region: 'eu-west-1' });
const sid = (s: string) => statements.find((x) => x.sid === s)!;
const CREATE_ACTIONS = ['ec2:CreateSecurityGroup', 'elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'];

describe('loadBalancerControllerStatements', () => {
  it('GIVEN the policy WHEN creating load balancers, target groups or security groups THEN the request must carry the cluster tag', () => {
    const creating = statements.filter((s) => s.actions.some((a) => CREATE_ACTIONS.includes(a)));
    expect(creating.map((s) => s.sid)).toEqual(['CreateTaggedSecurityGroups', 'CreateTaggedLoadBalancers']);
    for (const s of creating) expect(s.condition).toEqual({ StringEquals: { 'aws:RequestTag/elbv2.k8s.aws/cluster': 'prod' } });
  });

  it('GIVEN the policy WHEN changing or deleting load balancers and security groups THEN the resource must carry the cluster tag', () => {
    const resourceTag = { 'aws:ResourceTag/elbv2.k8s.aws/cluster': 'prod' };
    expect(sid('ManageOwnLoadBalancers').actions).toEqual(expect.arrayContaining(['elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:RegisterTargets']));
    expect(sid('ManageOwnLoadBalancers').condition).toEqual({ StringEquals: resourceTag });
    expect(sid('ManageOwnSecurityGroups').condition).toEqual({ StringEquals: resourceTag });
    expect(sid('RetagOwnLoadBalancers').condition).toEqual({ StringEquals: resourceTag, Null: { 'aws:RequestTag/elbv2.k8s.aws/cluster': 'true' } });
    expect(sid('OpenClusterSecurityGroupsToLoadBalancers').condition).toEqual({ StringEquals: { 'aws:ResourceTag/platform.example.com/cluster': 'prod' } });
  });

  it("GIVEN the policy WHEN it names resources THEN every ARN is in the cluster's account and region, and * is only for describe and list calls", () => {
    for (const s of statements) {
      for (const r of s.resources ?? []) {
        if (r === '*') expect(s.actions.every((a) => /:(Describe|List)/.test(a)), s.sid).toBe(true);
        else expect(r, s.sid).toMatch(/^arn:aws:(ec2|elasticloadbalancing):eu-west-1:333333333333:|^arn:aws:iam::333333333333:/);
      }
    }
  });

  it('GIVEN the policy WHEN looking for WAF and Shield THEN none is granted (the add-on switches them off)', () => {
    expect(statements.flatMap((s) => s.actions).filter((a) => /^(wafv2|waf-regional|shield|cognito-idp):/.test(a))).toEqual([]);
  });
});
