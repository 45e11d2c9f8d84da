// Builds every workspace with turbo (cached) and prints nothing unless the build fails, so `npm run generate`,
// `validate`, `diff` and `bench` show only their own output. On failure turbo's whole output is printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const turbo = fileURLToPath(new URL(`../node_modules/.bin/turbo${process.platform === 'win32' ? '.cmd' : ''}`, import.meta.url));
const result = spawnSync(turbo, ['run', 'build', '--output-logs=errors-only'], {
  encoding: 'utf8',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  shell: process.platform === 'win32',
});
if (result.status !== 0) {
  process.stderr.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  process.stderr.write(result.error ? `build: ${result.error.message}\n` : '');
  process.exit(result.status ?? 1);
}
