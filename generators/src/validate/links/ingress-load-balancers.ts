/**
 * Each Traefik entry point is reached through its own LoadBalancer Service with the NLB scheme the platform
 * promises: `websecure` through an internet-facing NLB, `internal` through an internal one and never through a
 * public one. The chart only creates a Service for the ports its values expose, so values it ignores show here.
 */
import { ENTRYPOINT_SCHEMES, INGRESS_NAMESPACE, TRAEFIK } from '@platform/platform';
import type { ObjectProblem } from '../../commands/validate.js';
import { type ClusterLinks, type LinkCheck, metaOf } from './link-index.js';
import { list, rec, str } from '../_fields.js';

const SCHEME_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-scheme';

export const ingressLoadBalancers: LinkCheck = {
  name: 'ingress entry points and load balancers',
  run(cluster: ClusterLinks): ObjectProblem[] {
    const release = cluster.objects.find((o) => o.object['kind'] === 'HelmRelease' && o.release === undefined && metaOf(o).name === TRAEFIK.name);
    if (!release || !cluster.knows(INGRESS_NAMESPACE)) return [];
    const balancers = cluster
      .ofKind('Service')
      .filter((s) => metaOf(s).namespace === INGRESS_NAMESPACE && rec(s.object['spec'])['type'] === 'LoadBalancer');
    const problems: ObjectProblem[] = [];
    for (const [entryPoint, scheme] of Object.entries(ENTRYPOINT_SCHEMES)) {
      const serving = balancers.filter((s) => list(rec(s.object['spec'])['ports']).some((p) => str(rec(p)['targetPort']) === entryPoint));
      const path = `spec.values.ports.${entryPoint}`;
      if (serving.length === 0) {
        problems.push({ object: release, path, message: `entry point "${entryPoint}" has no LoadBalancer Service in ${INGRESS_NAMESPACE} (the chart rendered none that targets it)` });
      }
      for (const service of serving) {
        const found = str(metaOf(service).annotations[SCHEME_ANNOTATION]) ?? 'none';
        if (found !== scheme) {
          problems.push({
            object: release,
            path,
            message: `entry point "${entryPoint}" is served by Service ${INGRESS_NAMESPACE}/${metaOf(service).name} with ${SCHEME_ANNOTATION}: ${found}; allowed: ${scheme}`,
          });
        }
      }
    }
    return problems;
  },
};
