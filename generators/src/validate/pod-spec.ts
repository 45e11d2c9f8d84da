/** Where each workload kind keeps its pod spec, as a path of keys. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The pod spec of a workload object and its dotted path, or undefined for any other kind. */
export function podSpecOf(object: Record<string, unknown>): { readonly spec: Record<string, unknown>; readonly at: string } | undefined {
  const path = POD_SPEC_PATHS[String(object['kind'])];
  if (!path) return undefined;
  const spec = path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), object);
  return spec !== null && typeof spec === 'object' ? { spec: spec as Record<string, unknown>, at: path.join('.') } : undefined;
}
