import { closest, distance } from 'fastest-levenshtein';
import { ADDON_NAMES, AUTOSCALER_RELEASES } from '@platform/platform';
import type { Diagnostic } from './diagnostic.js';
import type { FleetRule } from './fleet-rules.js';

/** Every key of a cluster file's `addons` names a platform add-on; a near miss gets a suggestion. */
export const knownAddonNames: FleetRule = (fleet) => {
  const problems: Diagnostic[] = [];
  const allowed = [...ADDON_NAMES].sort();
  for (const c of fleet.clusters) {
    for (const name of Object.keys(c.spec.addons ?? {})) {
      if (ADDON_NAMES.includes(name)) continue;
      const guess = closest(name, allowed);
      const hint = distance(name, guess) <= Math.max(2, Math.floor(guess.length / 3)) ? ` (did you mean "${guess}"?)` : '';
      problems.push(c.source.problem(['addons', name], `unknown add-on "${name}"${hint}; allowed: ${allowed.join(', ')}`, { key: true }));
    }
  }
  return problems;
};

/** The management cluster reconciles every cluster's infrastructure with Crossplane, so it cannot switch it off. */
export const managementKeepsCrossplane: FleetRule = (fleet) =>
  fleet.clusters
    .filter((c) => c.spec.management && c.spec.addons?.crossplane?.enabled === false)
    .map((c) =>
      c.source.problem(['addons', 'crossplane', 'enabled'], `found false in the management cluster; allowed: true (its Crossplane owns every cluster's infrastructure)`),
    );

/** cluster-autoscaler must match the control plane's minor version, so a cluster runs only versions it has a release for. */
export const autoscalerFollowsKubernetes: FleetRule = (fleet) => {
  const known = Object.keys(AUTOSCALER_RELEASES);
  return fleet.clusters
    .filter((c) => c.spec.addons?.['cluster-autoscaler']?.enabled !== false && !known.includes(c.spec.kubernetes.version))
    .map((c) =>
      c.source.problem(
        ['kubernetes', 'version'],
        `found "${c.spec.kubernetes.version}", which has no cluster-autoscaler release; allowed: ${known.join(', ')} ` +
          `(or switch the add-on off with addons.cluster-autoscaler.enabled: false)`,
      ),
    );
};

/** Add-ons that cannot work without another: people log in to Grafana through Dex. */
const NEEDS: readonly { readonly addon: string; readonly needs: string; readonly why: string }[] = [
  { addon: 'grafana', needs: 'dex', why: 'people log in to Grafana through Dex' },
];

/** An add-on that is on keeps the add-ons it needs on. */
export const addonNeedsAreOn: FleetRule = (fleet) =>
  fleet.clusters.flatMap((c) =>
    NEEDS.filter((n) => c.spec.addons?.[n.addon]?.enabled !== false && c.spec.addons?.[n.needs]?.enabled === false).map((n) =>
      c.source.problem(['addons', n.needs, 'enabled'], `found false while ${n.addon} is on; allowed: true (${n.why}), or switch ${n.addon} off too`),
    ),
  );

/** The add-on rules, in the order FLEET_RULES runs them. */
export const ADDON_RULES: FleetRule[] = [knownAddonNames, managementKeepsCrossplane, autoscalerFollowsKubernetes, addonNeedsAreOn];
