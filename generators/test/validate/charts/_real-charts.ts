import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The upstream chart archives the platform pins: PLATFORM_CHARTS_DIR, else `../shared/charts` beside the repository.
 * They are read in place, never copied into the project.
 */
export const REAL_CHARTS = process.env['PLATFORM_CHARTS_DIR'] ?? fileURLToPath(new URL('../shared/charts/', new URL('../../../../', import.meta.url)));

export const HELM = process.env['HELM'] ?? 'helm';

function helmRuns(): boolean {
  try {
    execFileSync(HELM, ['version', '--template', '{{.Version}}'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Whether the chart tests can run: helm on PATH and the archives present. */
export const HAS_CHARTS = existsSync(REAL_CHARTS) && helmRuns();

// Asked for explicitly (as .ci/run does), the chart tests must run: a missing helm is a failure, not a skip.
if (process.env['PLATFORM_CHARTS_DIR'] !== undefined && !HAS_CHARTS) {
  throw new Error(`PLATFORM_CHARTS_DIR is set, but helm ('${HELM}') cannot be run or ${REAL_CHARTS} does not exist`);
}

/** Test-title suffix that says why chart tests were skipped. */
export const REAL_CHARTS_NOTE = HAS_CHARTS ? '' : ` (skipped: needs helm and ${REAL_CHARTS})`;
