// npm run build — `astro build`, and when it fails, no site is left to deploy: a failed build may
// have written part of the output, or left the previous build's pages in place, so the output
// folder is removed. (A Node script rather than `astro build || rm -rf dist`, so it also works
// where there is no POSIX shell.)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEnvironment } from './build-env.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--outDir');
const outArg = outIndex >= 0 ? args[outIndex + 1] : undefined;
const outDir = outArg ? (isAbsolute(outArg) ? outArg : join(root, outArg)) : join(root, 'dist');

const { status, signal } = spawnSync(process.execPath, [astro, 'build', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: buildEnvironment(process.env),
});
if (status !== 0) {
  rmSync(outDir, { recursive: true, force: true });
  console.error(`build failed: ${outDir} removed, so nothing half-built can be deployed.`);
  process.exit(status ?? (signal ? 1 : 1));
}
