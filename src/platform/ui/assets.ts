// Static assets served from our own origin. URLs carry a version (DKFDS's version,
// a hash of our own files), so they can be cached for a year and still change on upgrade.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// dkfds exports only its script; its package root is three folders up from it.
const dkfdsRoot = path.resolve(path.dirname(require.resolve('dkfds')), '../..');
const dkfdsPackage = path.join(dkfdsRoot, 'package.json');

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const dkfdsDist = path.join(dkfdsRoot, 'dist');
export const publicDir = path.join(projectRoot, 'public');

const dkfdsVersion = (JSON.parse(fs.readFileSync(dkfdsPackage, 'utf8')) as { version: string }).version;

function hashDirectory(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 12);
}

export const assetPrefix = {
  dkfds: `/assets/dkfds/${dkfdsVersion}`,
  kanal: `/assets/kanal/${hashDirectory(publicDir)}`,
};

export const assetUrls = {
  css: `${assetPrefix.dkfds}/css/dkfds-borgerdk.min.css`,
  js: `${assetPrefix.dkfds}/js/dkfds.min.js`,
  icons: `${assetPrefix.dkfds}/img/all-svg-icons.svg`,
  kanalCss: `${assetPrefix.kanal}/kanal.css`,
  kanalJs: `${assetPrefix.kanal}/build/kanal.js`,
  logo: `${assetPrefix.kanal}/img/logo.svg`,
};
