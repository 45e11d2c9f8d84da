import { describe, expect, it } from 'vitest';
import { readConfiguration } from '../../../src/validate/links/read-configuration.js';
import { deployment, links, obj } from './_objects.js';

const run = (...args: Parameters<typeof links>) => readConfiguration.run(links(...args)).map((p) => `${p.path}: ${p.message}`);
const NOTHING = 'which nothing produces in cluster staging (not out/, a chart, an ExternalSecret, a Certificate, a connection secret, nor a bootstrap prerequisite)';

describe('readConfiguration', () => {
  it('GIVEN a pod that mounts a Secret nothing produces WHEN checked THEN the mount is named', () => {
    expect(run([deployment('thanos', 'query', { volumes: [{ name: 'objstore', secret: { secretName: 'thanos-objstore' } }] })])).toEqual([
      `spec.template.spec.volumes[0].secret.secretName: reads Secret thanos/thanos-objstore, ${NOTHING}`,
    ]);
  });

  it('GIVEN env and envFrom references WHEN their producers exist or they are optional THEN they pass, else each is named', () => {
    const pod = {
      containers: [
        {
          name: 'c',
          image: 'i',
          env: [
            { name: 'A', valueFrom: { secretKeyRef: { name: 'db-conn', key: 'url' } } },
            { name: 'B', valueFrom: { configMapKeyRef: { name: 'settings', key: 'b' } } },
            { name: 'C', valueFrom: { secretKeyRef: { name: 'maybe', key: 'c', optional: true } } },
          ],
          envFrom: [{ secretRef: { name: 'api-keys' } }, { configMapRef: { name: 'kube-root-ca.crt' } }],
        },
      ],
    };
    const conn = obj('rds.aws.m.upbound.io/v1beta1', 'Instance', 'payments', 'db', { spec: { writeConnectionSecretToRef: { name: 'db-conn' } } });
    const keys = obj('external-secrets.io/v1', 'ExternalSecret', 'payments', 'api', { spec: { target: { name: 'api-keys' } } });
    expect(run([deployment('payments', 'api', pod), conn, keys])).toEqual([
      `spec.template.spec.containers[0].env[1].valueFrom.configMapKeyRef.name: reads ConfigMap payments/settings, ${NOTHING}`,
    ]);
  });

  it('GIVEN a Flux Slack Provider WHEN its token Secret comes from nowhere THEN it is named; an ExternalSecret for it, or a bootstrap prerequisite, satisfies it', () => {
    const provider = obj('notification.toolkit.fluxcd.io/v1beta3', 'Provider', 'flux-system', 'tenant-payments', { spec: { secretRef: { name: 'slack-bot-token' } } });
    expect(run([provider])).toEqual([`spec.secretRef.name: reads Secret flux-system/slack-bot-token, ${NOTHING}`]);
    expect(run([provider, obj('external-secrets.io/v1', 'ExternalSecret', 'flux-system', 'slack-bot-token', { spec: {} })])).toEqual([]);
    const git = obj('source.toolkit.fluxcd.io/v1', 'GitRepository', 'flux-system', 'flux-system', { spec: { secretRef: { name: 'flux-system' } } });
    expect(run([git])).toEqual([]);
  });

  it('GIVEN the Prometheus custom resource WHEN its Thanos object store names a missing Secret THEN it is named', () => {
    const prometheus = obj('monitoring.coreos.com/v1', 'Prometheus', 'monitoring', 'k', { spec: { thanos: { objectStorageConfig: { name: 'thanos-objstore', key: 'objstore.yml' } } } }, 'kube-prometheus-stack');
    expect(run([prometheus])).toEqual([`spec.thanos.objectStorageConfig.name: reads Secret monitoring/thanos-objstore, ${NOTHING}`]);
  });

  it('GIVEN a Secret an add-on makes at run time WHEN mounted THEN it passes', () => {
    const operator = deployment('monitoring', 'operator', { volumes: [{ name: 'tls', secret: { secretName: 'kube-prometheus-stack-admission' } }] });
    expect(run([operator])).toEqual([]);
  });
});
