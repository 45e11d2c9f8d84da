import { type ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { lineComment } from '../_line-comments.js';
import { cpuMillis, memoryMebibytes } from './_quantity.js';
import type { ComputeResources, ConnectionEnvSettings, ConnectionFilesSettings, ProbeSettings, SecretSettings } from './app-settings.js';

/** @internal What every workload kind of an app (Deployment, CronJob, Job) runs: one restricted container. */
export interface AppPodProps {
  readonly name: string;
  readonly namespace: string;
  /** Labels of the workload and its pods. */
  readonly labels: Record<string, string>;
  /** Image reference `<repository>:<tag>`. */
  readonly image: string;
  /** Flux setter marker written as a comment after the image line, so automated bumps rewrite it. @default - none */
  readonly imageMarker?: string;
  /** Container port, named `http`. @default - none (a worker) */
  readonly port?: number;
  readonly resources: ComputeResources;
  /** @default - no checks */
  readonly probes?: { readonly liveness?: ProbeSettings; readonly readiness?: ProbeSettings; readonly startup?: ProbeSettings };
  /** Replaces the image's ENTRYPOINT. @default - the image's */
  readonly command?: readonly string[];
  /** Replaces the image's CMD. @default - the image's */
  readonly args?: readonly string[];
  /** Plain environment variables; they may refer to the others as `$(NAME)`. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Environment variables read from keys of Secret `secretName`. @default {} */
  readonly secretEnv?: Readonly<Record<string, SecretSettings>>;
  /** Secret holding `secretEnv`; the pods restart (reloader) when it changes. @default - none */
  readonly secretName?: string;
  /** Environment variables read from connection Secrets of the tenant's resources. @default {} */
  readonly connectionEnv?: Readonly<Record<string, ConnectionEnvSettings>>;
  /** Connection Secrets mounted read-only as directories. @default [] */
  readonly connectionFiles?: readonly ConnectionFilesSettings[];
  readonly serviceAccountName: string;
  /** Mount the ServiceAccount token (only for apps that call AWS or the Kubernetes API). @default false */
  readonly automountServiceAccountToken?: boolean;
}

/** Annotation of stakater/reloader: restart the pods when one of these Secrets changes. */
export const RELOADER_SECRET_ANNOTATION = 'secret.reloader.stakater.com/reload';
const CONTAINER = 'app';

/**
 * @internal The cdk8s-plus workload props of an app's pod under the restricted Pod Security profile: non-root,
 * read-only root filesystem (with a writable /tmp), no capabilities, no privilege escalation; and the workload's
 * annotations (image marker and, with `reload`, the reloader's list of the Secrets it reads: long-running pods
 * restart when one changes, while each run of a CronJob or Job reads them afresh anyway). `restrictPod` adds what
 * cdk8s-plus cannot express.
 */
export function appPodProps(scope: Construct, props: AppPodProps, options: { readonly reload: boolean }) {
  const secretEnv = props.secretEnv ?? {};
  const connectionEnv = props.connectionEnv ?? {};
  const files = props.connectionFiles ?? [];
  // Connection Secrets are rewritten by Crossplane (a rotated password), so the pods restart with them too.
  const reloaded = !options.reload ? [] : [
    ...(props.secretName && Object.keys(secretEnv).length > 0 ? [props.secretName] : []),
    ...[...new Set([...Object.values(connectionEnv).map((c) => c.secretName), ...files.map((f) => f.secretName)])].sort(),
  ];
  const annotations = {
    ...(reloaded.length > 0 ? { [RELOADER_SECRET_ANNOTATION]: reloaded.join(',') } : {}),
    ...(props.imageMarker ? lineComment(props.image, props.imageMarker) : {}),
  };
  const secrets = new Map<string, kplus.ISecret>();
  const secret = (name: string) => secrets.get(name) ?? secrets.set(name, kplus.Secret.fromSecretName(scope, `secret-${name}`, name)).get(name)!;
  const volumeMounts: kplus.VolumeMount[] = [{ path: '/tmp', volume: kplus.Volume.fromEmptyDir(scope, 'tmp', 'tmp', { sizeLimit: Size.mebibytes(64) }) }];
  for (const f of files) {
    volumeMounts.push({ path: f.path, readOnly: true, volume: kplus.Volume.fromSecret(scope, `files-${f.secretName}`, secret(f.secretName), { name: f.secretName }) });
  }
  const container: kplus.ContainerProps = {
    name: CONTAINER,
    image: props.image,
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    command: props.command ? [...props.command] : undefined,
    args: props.args ? [...props.args] : undefined,
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
    // Kubernetes expands `$(NAME)` only from variables listed earlier: connection values and secrets come first.
    envVariables: {
      ...Object.fromEntries(Object.entries(connectionEnv).map(([k, c]) => [k, kplus.EnvValue.fromSecretValue({ secret: secret(c.secretName), key: c.key })])),
      ...secretEnvVariables(secret, props.secretName, secretEnv),
      ...Object.fromEntries(Object.entries(props.env ?? {}).map(([k, v]) => [k, kplus.EnvValue.fromValue(v)])),
    },
    volumeMounts,
  };
  return {
    annotations,
    workload: {
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels, annotations },
      podMetadata: { labels: props.labels },
      select: false,
      serviceAccount: kplus.ServiceAccount.fromServiceAccountName(scope, 'sa', props.serviceAccountName),
      automountServiceAccountToken: props.automountServiceAccountToken ?? false,
      securityContext: { ensureNonRoot: true },
      volumes: [],
      containers: [container],
    },
  };
}

/**
 * @internal What cdk8s-plus cannot express, patched on the rendered workload whose pod template is at `template`
 * (a JSON pointer such as `/spec/template`): the seccomp profile `RuntimeDefault`, and no cdk8s address label on the
 * pods (selectors use the app's stable labels). Drops empty workload annotations.
 */
export function restrictPod(api: ApiObject, template: string, annotations: Record<string, string>): void {
  api.addJsonPatch(JsonPatch.remove(`${template}/metadata/labels/cdk8s.io~1metadata.addr`));
  api.addJsonPatch(JsonPatch.add(`${template}/spec/securityContext/seccompProfile`, { type: 'RuntimeDefault' }));
  if (Object.keys(annotations).length === 0) api.addJsonPatch(JsonPatch.remove('/metadata/annotations'));
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

function secretEnvVariables(secret: (name: string) => kplus.ISecret, secretName: string | undefined, env: Readonly<Record<string, SecretSettings>>): Record<string, kplus.EnvValue> {
  const names = Object.keys(env);
  if (!secretName || names.length === 0) return {};
  const s = secret(secretName);
  return Object.fromEntries(names.map((k) => [k, kplus.EnvValue.fromSecretValue({ secret: s, key: k })]));
}
