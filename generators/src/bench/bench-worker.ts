import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { Writable } from 'node:stream';
import { main } from '../cli.js';
import { loadFleet } from '../load/load-fleet.js';
import { renderCluster, renderClusterObjects } from '../render/render-cluster.js';

/**
 * One measured job in its own process, so each gets a clean heap and its own peak RSS:
 *   render ROOT  `platform generate --force`, in process
 *   floor ROOT   render the same objects (not timed), then time only `yaml` stringify + one file per object
 *   write ROOT   render the same files (not timed), then time only writing their bytes from memory: the I/O floor
 * Prints one JSON line: { seconds, objects, maxRssMb }.
 */
const [mode, root] = process.argv.slice(2) as [string, string];
let seconds = 0;
let objects = 0;
if (mode === 'render') {
  let printed = '';
  const sink = new Writable({ write: (c, _e, cb) => ((printed += String(c)), cb()) });
  const started = performance.now();
  const code = await main(['generate', '--force'], { repoRoot: root, stdout: sink, stderr: sink });
  seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(printed);
  objects = Number(/(\d+) objects/.exec(printed)?.[1] ?? 0);
} else if (mode === 'floor') {
  const fleet = loadFleet(root);
  const all = fleet.clusters.flatMap((c) => renderClusterObjects(fleet, c).map((o) => ({ cluster: c.spec.name, o })));
  const dir = join(root, 'floor');
  const started = performance.now();
  all.forEach(({ cluster, o }, i) => {
    const folder = join(dir, cluster, o.folder);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${i}.yaml`), stringify(o.manifest, { lineWidth: 0 }));
  });
  seconds = (performance.now() - started) / 1000;
  objects = all.length;
} else if (mode === 'write') {
  const fleet = loadFleet(root);
  const all = fleet.clusters.map((c) => ({ cluster: c.spec.name, files: renderCluster(fleet, c) }));
  const dir = join(root, 'write-floor');
  const started = performance.now();
  for (const { cluster, files } of all) {
    for (const folder of new Set([...files.keys()].map((p) => dirname(join(dir, cluster, p))))) mkdirSync(folder, { recursive: true });
    for (const [path, text] of files) writeFileSync(join(dir, cluster, path), text);
    objects += files.size;
  }
  seconds = (performance.now() - started) / 1000;
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(`${JSON.stringify({ seconds, objects, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
