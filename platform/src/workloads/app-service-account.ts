import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { type AppObjectProps, appMetadata } from './_app-object.js';

/**
 * The ServiceAccount an app's pods run as, named after the app. EKS Pod Identity associations (made
 * by the tenant's AWS resources) are keyed on this name, so it needs no IRSA annotation. Its token
 * is never mounted by default; the Deployment opts in when the app asks for AWS access.
 */
export class AppServiceAccount extends ApiObject {
  constructor(scope: Construct, id: string, props: AppObjectProps) {
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: appMetadata(props),
      automountServiceAccountToken: false,
    });
  }
}
