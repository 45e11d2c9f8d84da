import { App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { OutputChart } from '../../src/_output-chart.js';
import { TenantPriorityClasses } from '../../src/tenancy/tenant-priority-classes.js';

describe('TenantPriorityClasses', () => {
  it('GIVEN the classes offered to tenants WHEN rendered THEN none is above the default priority or a global default, and only the standard class preempts', () => {
    const chart = new OutputChart(new App({ outdir: '/nonexistent' }), 'test', { folder: 'addons-config', sources: [] });
    new TenantPriorityClasses(chart, 'pc');
    const classes = chart.render().map((o) => o.manifest as Record<string, any>);
    expect(classes.map((c) => [c.metadata.name, c.value, c.preemptionPolicy, c.globalDefault])).toEqual([
      ['tenant-batch', -1, 'Never', false],
      ['tenant-standard', 0, 'PreemptLowerPriority', false],
    ]);
  });
});
