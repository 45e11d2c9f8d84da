/** @internal Identity shared by every object of an app. */
export interface AppObjectProps {
  readonly name: string;
  readonly namespace: string;
  /** Labels of the object. */
  readonly labels: Record<string, string>;
}

/** @internal metadata of an app object. */
export function appMetadata(p: AppObjectProps, annotations?: Record<string, string>): Record<string, unknown> {
  return { name: p.name, namespace: p.namespace, labels: p.labels, annotations };
}
