import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every test run gets its own scratch folder as TMPDIR (test workers inherit
 * it, and `os.tmpdir()` reads it), removed when the run ends, so tests that make temporary repos
 * and out/ trees leave nothing behind.
 */
export default function setup(): () => void {
  const scratch = mkdtempSync(join(tmpdir(), 'platform-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(scratch, { recursive: true, force: true });
  };
}
