// Installs the pinned pnpm when it is missing, so a machine with only Node 20 + npm can run the README commands.
import { execSync } from 'node:child_process';

const wanted = '10.34.9';
let have = '';
try { have = execSync('pnpm --version', { encoding: 'utf8' }).trim(); } catch {}
if (have !== wanted) {
  console.log(`installing pnpm@${wanted} (found: ${have || 'none'})`);
  execSync(`npm install --global pnpm@${wanted}`, { stdio: 'inherit' });
}
