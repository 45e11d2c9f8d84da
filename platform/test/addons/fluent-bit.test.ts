import { describe, expect, it } from 'vitest';
import { FLUENT_BIT } from '../../src/addons/fluent-bit.js';
import { stagingEnv } from './_env.js';

const outputs = (off: string[] = []) => (FLUENT_BIT.values(stagingEnv(off)) as { config: { outputs: string } }).config.outputs;

describe('FLUENT_BIT', () => {
  it('GIVEN loki on WHEN built THEN every container log goes to the logs bucket and to Loki, labelled by cluster, namespace, pod and container', () => {
    const o = outputs();
    expect(o).toContain('    Name s3\n');
    expect(o).toContain('    bucket 222222222222-eu-west-2-staging-logs\n');
    expect(o).toContain(
      [
        '[OUTPUT]',
        '    Name loki',
        '    Match kube.*',
        '    Host loki.loki.svc.cluster.local',
        '    Port 3100',
        "    labels cluster=staging, namespace=$kubernetes['namespace_name'], pod=$kubernetes['pod_name'], container=$kubernetes['container_name']",
      ].join('\n'),
    );
  });

  it('GIVEN loki off WHEN built THEN only the archive output is left', () => {
    expect(outputs(['loki'])).not.toContain('Name loki');
    expect(outputs(['loki'])).toContain('Name s3');
  });
});
