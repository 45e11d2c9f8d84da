import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { lineComment } from '../_line-comments.js';
import { cpuMillis, memoryMebibytes } from './_quantity.js';
import type { ComputeResources, ProbeSettings, SecretSettings } from './app-settings.js';

export interface AppDeploymentProps {
  readonly name: string;
  readonly namespace: string;
  /** Labels of the Deployment and its pods. */
  readonly labels: Record<string, string>;
  /** Labels the Deployment selects its pods by; a subset of `labels`, never changed afterwards. */
  readonly selector: Record<string, string>;
  /** Image reference `<repository>:<tag>`. */
  readonly image: string;
  /** Flux setter marker written as a comment after the image line, so automated bumps rewrite it. @default - none */
  readonly imageMarker?: string;
  /** Container port, named `http`. @default - none (a worker) */
  readonly port?: number;
  /** Fixed pod count. @default - none: an autoscaler owns the count */
  readonly replicas?: number;
  readonly resources: ComputeResources;
  /** @default - no checks */
  readonly probes?: { readonly liveness?: ProbeSettings; readonly readiness?: ProbeSettings; readonly startup?: ProbeSettings };
  /** Plain environment variables. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Environment variables read from keys of Secret `secretName`. @default {} */
  readonly secretEnv?: Readonly<Record<string, SecretSettings>>;
  /** Secret holding `secretEnv`; the pods restart (reloader) when it changes. @default - none */
  readonly secretName?: string;
  readonly serviceAccountName: string;
  /** Mount the ServiceAccount token (only for apps that call AWS or the Kubernetes API). @default false */
  readonly automountServiceAccountToken?: boolean;
}

/** Annotation of stakater/reloader: restart the pods when one of these Secrets changes. */
export const RELOADER_SECRET_ANNOTATION = 'secret.reloader.stakater.com/reload';
const CONTAINER = 'app';

/**
 * An app's Deployment (cdk8s-plus-27) under the restricted Pod Security profile: non-root, read-only
 * root filesystem (with a writable /tmp), no capabilities, no privilege escalation, seccomp
 * RuntimeDefault. It selects its pods by the stable labels given, never by cdk8s address labels.
 */
export class AppDeployment extends Construct {
  readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string, props: AppDeploymentProps) {
    super(scope, id);
    const secretEnv = props.secretEnv ?? {};
    const annotations = {
      ...(props.secretName && Object.keys(secretEnv).length > 0 ? { [RELOADER_SECRET_ANNOTATION]: props.secretName } : {}),
      ...(props.imageMarker ? lineComment(props.image, props.imageMarker) : {}),
    };
    const serviceAccount = kplus.ServiceAccount.fromServiceAccountName(this, 'sa', props.serviceAccountName);
    const deployment = new kplus.Deployment(this, 'resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels, annotations },
      podMetadata: { labels: props.labels },
      select: false,
      replicas: props.replicas,
      serviceAccount,
      automountServiceAccountToken: props.automountServiceAccountToken ?? false,
      securityContext: { ensureNonRoot: true },
      volumes: [],
      containers: [
        {
          name: CONTAINER,
          image: props.image,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          ports: props.port !== undefined ? [{ number: props.port, name: 'http' }] : [],
          securityContext: {
            ensureNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            privileged: false,
            capabilities: { drop: ['ALL' as kplus.Capability] },
          },
          resources: {
            cpu: { request: kplus.Cpu.millis(cpuMillis(props.resources.requests.cpu)), limit: kplus.Cpu.millis(cpuMillis(props.resources.limits.cpu)) },
            memory: {
              request: Size.mebibytes(memoryMebibytes(props.resources.requests.memory)),
              limit: Size.mebibytes(memoryMebibytes(props.resources.limits.memory)),
            },
          },
          liveness: toProbe(props.probes?.liveness),
          readiness: toProbe(props.probes?.readiness),
          startup: toProbe(props.probes?.startup),
          envVariables: {
            ...Object.fromEntries(Object.entries(props.env ?? {}).map(([k, v]) => [k, kplus.EnvValue.fromValue(v)])),
            ...secretEnvVariables(this, props.secretName, secretEnv),
          },
          volumeMounts: [{ path: '/tmp', volume: kplus.Volume.fromEmptyDir(this, 'tmp', 'tmp', { sizeLimit: Size.mebibytes(64) }) }],
        },
      ],
    });
    deployment.select(kplus.LabelSelector.of({ labels: props.selector }));
    // Without a fixed count an autoscaler owns spec.replicas; leaving it out keeps Flux from resetting it.
    if (props.replicas === undefined) deployment.markHasAutoscaler();
    const api = ApiObject.of(deployment);
    // cdk8s-plus always labels pods with a hash of the construct path; the selector above replaces it.
    api.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
    api.addJsonPatch(JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));
    if (Object.keys(annotations).length === 0) api.addJsonPatch(JsonPatch.remove('/metadata/annotations'));
    this.deployment = deployment;
  }
}

function toProbe(p: ProbeSettings | undefined): kplus.Probe | undefined {
  if (!p) return undefined;
  const options = {
    port: p.port,
    initialDelaySeconds: Duration.seconds(p.initialDelaySeconds),
    periodSeconds: Duration.seconds(p.periodSeconds),
    timeoutSeconds: Duration.seconds(p.timeoutSeconds),
    failureThreshold: p.failureThreshold,
  };
  return p.path ? kplus.Probe.fromHttpGet(p.path, options) : kplus.Probe.fromTcpSocket(options);
}

function secretEnvVariables(scope: Construct, secretName: string | undefined, env: Readonly<Record<string, SecretSettings>>): Record<string, kplus.EnvValue> {
  const names = Object.keys(env);
  if (!secretName || names.length === 0) return {};
  const secret = kplus.Secret.fromSecretName(scope, 'secret', secretName);
  return Object.fromEntries(names.map((k) => [k, kplus.EnvValue.fromSecretValue({ secret, key: k })]));
}
