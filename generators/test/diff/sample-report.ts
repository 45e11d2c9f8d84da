/** A small report with one change of each kind and a destructive finding, shared by the renderer tests. */
import { findDestructive } from '../../src/diff/guard.js';
import type { DiffReport } from '../../src/diff/model.js';
import { diffTrees } from '../../src/diff/object-diff.js';
import type { OutObject } from '../../src/out-tree.js';
import { managed, namespace, outObject, quota } from './git-fixture.js';

export function sampleReport(): DiffReport {
  const base: OutObject[] = [
    outObject('prod', 'tenants/team-a', quota('team-a', '4')),
    outObject('staging', 'tenants/team-a', quota('team-a', '4')),
    outObject('staging', 'tenants/team-b', namespace('team-b')),
    outObject('staging', 'tenants/team-b', managed('s3', 'Bucket', 'team-b', 'team-b-data', {})),
  ];
  const head: OutObject[] = [
    outObject('prod', 'tenants/team-a', quota('team-a', '8')),
    outObject('staging', 'tenants/team-a', quota('team-a', '8')),
    outObject('staging', 'tenants/team-c', namespace('team-c')),
  ];
  const changes = diffTrees(base, head);
  return { base: 'main', changes, findings: findDestructive(changes) };
}

/** A change touching `perCluster` objects in each of `clusters` clusters, different in each cluster unless `same`. */
export function largeReport(clusters: number, perCluster: number, same = false): DiffReport {
  const base: OutObject[] = [];
  const head: OutObject[] = [];
  for (let c = 0; c < clusters; c++) {
    for (let t = 0; t < perCluster; t++) {
      base.push(outObject(`cluster-${c}`, `tenants/team-${t}`, quota(`team-${t}`, '4')));
      head.push(outObject(`cluster-${c}`, `tenants/team-${t}`, quota(`team-${t}`, same ? '8' : `${8 + c}`, '32Gi')));
    }
  }
  const changes = diffTrees(base, head);
  return { base: 'origin/main', changes, findings: findDestructive(changes) };
}
