// Installs what `npm start` and `npm test` need on a fresh machine: npm packages from the lockfile, then Chromium.
// Plain Node (no dependencies), so it runs before anything is installed.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const run = (cmd) => execSync(cmd, { stdio: ['ignore', 'inherit', 'inherit'] });
const log = (msg) => process.stderr.write(`[nos-lens] ${msg}\n`);

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
if (!existsSync('node_modules') || !existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000) {
  log('installing npm packages from the lockfile (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const wantFirefox = process.argv.includes('--firefox');
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (wantFirefox && !existsSync('/usr/bin/firefox-esr')) missing.push('firefox-esr');
if (missing.length) {
  const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (canApt) {
    log(`installing ${missing.join(' and ')} with apt-get…`);
    run('apt-get update -qq');
    run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`);
  } else {
    log(
      `${missing.join(' and ')} not found: install it (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}) or set CHROMIUM_PATH to your Chromium.`,
    );
    process.exit(1);
  }
}
