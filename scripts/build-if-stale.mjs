// `prepare` (npm install on a clone) and `prestart` (npm start) build dist/ when it is missing or
// older than the sources. Where there are no sources (the production image, which installs only
// the built output), there is nothing to do.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ENTRY = 'dist/server/main.js';
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

if (existsSync('src') && existsSync('tsconfig.build.json')) {
  const built = existsSync(ENTRY) ? statSync(ENTRY).mtimeMs : 0;
  const sources = Math.max(...INPUTS.filter((path) => existsSync(path)).map(newest));
  if (sources > built) {
    console.error(built ? 'wechat-graphql: sources changed since the last build; building dist/' : 'wechat-graphql: building dist/');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
    process.exit(result.status ?? 1);
  }
}
