import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/** @internal One stateless HTTP proxy the platform runs beside an add-on: its container and where it listens. */
export interface HttpProxyWorkloadProps {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  /** @default - the image's entrypoint and arguments */
  readonly args?: readonly string[];
  readonly port: number;
  /** The unprivileged user the image runs as. */
  readonly user: number;
  /** @default [] */
  readonly volumeMounts?: readonly object[];
  /** @default [] */
  readonly volumes?: readonly object[];
}

/**
 * @internal The Deployment (two replicas, probes on `/healthz`, Pod Security restricted, read-only root filesystem,
 * no API token) and the Service of a proxy; returns the pods' labels for its NetworkPolicy.
 */
export function httpProxyWorkload(scope: Construct, props: HttpProxyWorkloadProps): Record<string, string> {
  const labels = { 'app.kubernetes.io/name': props.name };
  const metadata = { name: props.name, namespace: props.namespace, labels };
  new ApiObject(scope, 'deployment', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: props.user, runAsGroup: props.user, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: props.name,
              image: props.image,
              ...(props.args ? { args: [...props.args] } : {}),
              ports: [{ name: 'http', containerPort: props.port, protocol: 'TCP' }],
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
              livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
              resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '256Mi' } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              ...(props.volumeMounts ? { volumeMounts: [...props.volumeMounts] } : {}),
            },
          ],
          ...(props.volumes ? { volumes: [...props.volumes] } : {}),
        },
      },
    },
  });
  new ApiObject(scope, 'service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: { selector: labels, ports: [{ name: 'http', port: props.port, targetPort: 'http', protocol: 'TCP' }] },
  });
  return labels;
}
