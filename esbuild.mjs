// Bundles the extension (Node, CommonJS, `vscode` external) and the panel's webview script
// (browser, IIFE). `--production` minifies and writes metafiles; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readdir, rm, writeFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  metafile: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {Record<string, esbuild.BuildOptions>} */
const bundles = {
  extension: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  // The HTML fallback's parser (node-html-parser): loaded only when the JSON API fails.
  html: {
    ...common,
    entryPoints: ['src/core/feed/html.ts'],
    outfile: 'dist/html.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  // The CSL engine (citation-js): about 750 kB, loaded the first time a styled reference is asked for.
  csl: {
    ...common,
    entryPoints: ['src/core/citation/cslEngine.ts'],
    outfile: 'dist/csl.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  // The search index lives in a worker thread, so that building or loading it never blocks the host.
  searchWorker: {
    ...common,
    entryPoints: ['src/core/search/worker.ts'],
    outfile: 'dist/searchWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  webview: {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
};

/** Integration tests run inside the extension host: one file per suite, mocha and vscode from the host. */
async function integrationTests() {
  const entryPoints = (await readdir('test/integration', { recursive: true }))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `test/integration/${file}`);
  return {
    ...common,
    entryPoints,
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
  };
}

if (tests) {
  await rm('out/test/integration', { recursive: true, force: true });
  await esbuild.build(await integrationTests());
} else if (watch) {
  for (const options of Object.values(bundles)) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  for (const [name, options] of Object.entries(bundles)) {
    const result = await esbuild.build(options);
    if (result.metafile) {
      await writeFile(`dist/${name}.meta.json`, JSON.stringify(result.metafile));
      const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
      console.log(`esbuild: ${name} ${(bytes / 1024).toFixed(1)} kB`);
    }
  }
}
