/** The registry of link checks `validate --charts` runs on every cluster, in order. */
import { ingressLoadBalancers } from './ingress-load-balancers.js';
import type { LinkCheck } from './link-index.js';
import { podIdentityServiceAccounts } from './pod-identity-service-accounts.js';
import { readConfiguration } from './read-configuration.js';
import { serviceReferencesExist } from './service-references.js';

export const LINK_CHECKS: readonly LinkCheck[] = [podIdentityServiceAccounts, readConfiguration, serviceReferencesExist, ingressLoadBalancers];
