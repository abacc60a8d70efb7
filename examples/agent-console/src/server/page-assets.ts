import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One file the console serves to the browser. */
export interface PageAsset {
  contentType: string;
  body: string;
}

const pageDirectory = fileURLToPath(new URL('../page/', import.meta.url));

/**
 * Loads the page: the HTML shell and the stylesheet as they are, and the page script bundled
 * from TypeScript with esbuild on the fly (no build step before `start`).
 *
 * @returns the assets by URL path (`/`, `/console.css`, `/console.js`)
 * @throws when the page script does not compile
 */
export async function loadPageAssets(): Promise<Map<string, PageAsset>> {
  const [html, css, script] = await Promise.all([
    readFile(`${pageDirectory}index.html`, 'utf8'),
    readFile(`${pageDirectory}console.css`, 'utf8'),
    build({
      entryPoints: [`${pageDirectory}console-page.ts`],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      platform: 'browser',
      sourcemap: 'inline',
      logLevel: 'silent',
    }),
  ]);
  const bundled = script.outputFiles[0]?.text;
  if (bundled === undefined) throw new Error('esbuild produced no page script');
  return new Map([
    ['/', { contentType: 'text/html; charset=utf-8', body: html }],
    ['/console.css', { contentType: 'text/css; charset=utf-8', body: css }],
    ['/console.js', { contentType: 'text/javascript; charset=utf-8', body: bundled }],
  ]);
}
