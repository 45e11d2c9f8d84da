import type { PolicyStatement } from '../crossplane/iam/policy-document.js';
import { CLUSTER_LABEL } from './infra-names.js';

/** The tag the controller puts on everything it creates, valued with the cluster name. */
export const ELBV2_CLUSTER_TAG = 'elbv2.k8s.aws/cluster';

const CANNOT_SCOPE = 'describe and list calls cannot be scoped to a resource';

/**
 * The aws-load-balancer-controller's policy: the upstream recommended policy cut down to one
 * cluster. Creating a load balancer, target group or security group needs the request tag
 * `elbv2.k8s.aws/cluster=<cluster>`; changing or deleting one needs that tag on the resource, so
 * the controller of one cluster cannot touch another cluster's load balancers. It may open the
 * cluster's own security groups (tagged by the infra layer) to its load balancers. Every ARN is
 * limited to the cluster's account and region. WAF, Shield (switched off in the add-on's values),
 * Cognito authentication and Outposts pools are not granted.
 */
export function loadBalancerControllerStatements(env: { readonly cluster: string; readonly accountId: string; readonly region: string }): PolicyStatement[] {
  const ec2 = `arn:aws:ec2:${env.region}:${env.accountId}`;
  const elb = `arn:aws:elasticloadbalancing:${env.region}:${env.accountId}`;
  const securityGroups = `${ec2}:security-group/*`;
  const balancers = [`${elb}:loadbalancer/net/*/*`, `${elb}:loadbalancer/app/*/*`, `${elb}:targetgroup/*/*`];
  const listeners = [`${elb}:listener/net/*/*/*`, `${elb}:listener/app/*/*/*`, `${elb}:listener-rule/net/*/*/*`, `${elb}:listener-rule/app/*/*/*`];
  const requestTagged = { StringEquals: { [`aws:RequestTag/${ELBV2_CLUSTER_TAG}`]: env.cluster } };
  const resourceTagged = { StringEquals: { [`aws:ResourceTag/${ELBV2_CLUSTER_TAG}`]: env.cluster } };
  // Tag changes on an owned resource may not add, change or remove the ownership tag itself.
  const retagOwned = { ...resourceTagged, Null: { [`aws:RequestTag/${ELBV2_CLUSTER_TAG}`]: 'true' } };
  return [
    {
      sid: 'ElbServiceLinkedRole',
      actions: ['iam:CreateServiceLinkedRole'],
      resources: [`arn:aws:iam::${env.accountId}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`],
      condition: { StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } },
    },
    {
      sid: 'Discover',
      actions: [
        'ec2:DescribeAccountAttributes', 'ec2:DescribeAddresses', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeInternetGateways',
        'ec2:DescribeVpcs', 'ec2:DescribeVpcPeeringConnections', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups',
        'ec2:DescribeInstances', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeTags', 'ec2:DescribeRouteTables',
        'ec2:DescribeIpamPools',
        'elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeListenerAttributes', 'elasticloadbalancing:DescribeListenerCertificates', 'elasticloadbalancing:DescribeSSLPolicies',
        'elasticloadbalancing:DescribeRules', 'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetGroupAttributes',
        'elasticloadbalancing:DescribeTargetHealth', 'elasticloadbalancing:DescribeTags', 'elasticloadbalancing:DescribeTrustStores',
        'elasticloadbalancing:DescribeCapacityReservation',
        'acm:ListCertificates', 'acm:DescribeCertificate', 'iam:ListServerCertificates',
      ],
      resources: ['*'],
      anyResourceBecause: CANNOT_SCOPE,
    },
    { sid: 'VpcSecurityGroups', actions: ['ec2:GetSecurityGroupsForVpc'], resources: [`${ec2}:vpc/*`, securityGroups] },
    { sid: 'ServerCertificates', actions: ['iam:GetServerCertificate'], resources: [`arn:aws:iam::${env.accountId}:server-certificate/*`] },
    { sid: 'CreateTaggedSecurityGroups', actions: ['ec2:CreateSecurityGroup'], resources: [securityGroups, `${ec2}:vpc/*`], condition: requestTagged },
    {
      sid: 'TagSecurityGroupsOnCreate',
      actions: ['ec2:CreateTags'],
      resources: [securityGroups],
      condition: { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup', [`aws:RequestTag/${ELBV2_CLUSTER_TAG}`]: env.cluster } },
    },
    { sid: 'RetagOwnSecurityGroups', actions: ['ec2:CreateTags', 'ec2:DeleteTags'], resources: [securityGroups], condition: retagOwned },
    {
      sid: 'ManageOwnSecurityGroups',
      actions: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:DeleteSecurityGroup'],
      resources: [securityGroups],
      condition: resourceTagged,
    },
    {
      sid: 'OpenClusterSecurityGroupsToLoadBalancers',
      actions: ['ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress'],
      resources: [securityGroups],
      condition: { StringEquals: { [`aws:ResourceTag/${CLUSTER_LABEL}`]: env.cluster } },
    },
    {
      sid: 'CreateTaggedLoadBalancers',
      actions: ['elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup'],
      resources: balancers,
      condition: requestTagged,
    },
    {
      sid: 'TagLoadBalancersOnCreate',
      actions: ['elasticloadbalancing:AddTags'],
      resources: balancers,
      condition: { StringEquals: { 'elasticloadbalancing:CreateAction': ['CreateTargetGroup', 'CreateLoadBalancer'], [`aws:RequestTag/${ELBV2_CLUSTER_TAG}`]: env.cluster } },
    },
    { sid: 'RetagOwnLoadBalancers', actions: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'], resources: balancers, condition: retagOwned },
    {
      sid: 'ManageOwnLoadBalancers',
      actions: [
        'elasticloadbalancing:ModifyLoadBalancerAttributes', 'elasticloadbalancing:SetIpAddressType', 'elasticloadbalancing:SetSecurityGroups',
        'elasticloadbalancing:SetSubnets', 'elasticloadbalancing:DeleteLoadBalancer', 'elasticloadbalancing:ModifyTargetGroup',
        'elasticloadbalancing:ModifyTargetGroupAttributes', 'elasticloadbalancing:DeleteTargetGroup', 'elasticloadbalancing:ModifyCapacityReservation',
        'elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets', 'elasticloadbalancing:CreateListener',
      ],
      resources: balancers,
      condition: resourceTagged,
    },
    {
      // Listeners and rules are children of the controller's load balancers; older ones carry no
      // cluster tag, so they are scoped by account and region like the upstream policy scopes them.
      sid: 'ManageListenersAndRules',
      actions: [
        'elasticloadbalancing:DeleteListener', 'elasticloadbalancing:ModifyListener', 'elasticloadbalancing:ModifyListenerAttributes',
        'elasticloadbalancing:AddListenerCertificates', 'elasticloadbalancing:RemoveListenerCertificates', 'elasticloadbalancing:CreateRule',
        'elasticloadbalancing:DeleteRule', 'elasticloadbalancing:ModifyRule', 'elasticloadbalancing:SetRulePriorities',
        'elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags',
      ],
      resources: listeners,
    },
  ];
}
