// Bundles the small client script (src/client) into public/build with esbuild.
// Runs after `npm install`, so `npm start` needs no separate build step.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/client/kanal.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  outfile: 'public/build/kanal.js',
  logLevel: 'warning',
});
