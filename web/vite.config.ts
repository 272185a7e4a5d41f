import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiServer = 'http://127.0.0.1:3000';
const outDir = fileURLToPath(new URL('dist', import.meta.url));

/**
 * Writes a .br and a .gz beside every text file of the build, once the service worker is written too,
 * so the server sends them as they are (preCompressed) instead of compressing on each request.
 */
function precompress(): Plugin {
  return {
    name: 'bienvenida-precompress',
    apply: 'build',
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !/\.(js|css|html|svg|json|webmanifest)$/.test(entry.name)) continue;
          const file = path.join(entry.parentPath, entry.name);
          const raw = fs.readFileSync(file);
          const br = zlib.brotliCompressSync(raw, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          });
          fs.writeFileSync(`${file}.br`, br);
          fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
        }
      },
    },
  };
}

const themeColor = '#0f5c4d';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    // Only @shared resolves in the bundle: @server (see tsconfig.json) is for types, which the build
    // erases, so a value imported from the server by mistake fails the build instead of shipping it.
    alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) },
  },
  build: {
    outDir,
    emptyOutDir: true,
    // .vite/manifest.json: the server reads which file holds each language's words, to preload the
    // reader's one with the page (server/plugins/web-html.ts).
    manifest: true,
    rolldownOptions: {
      // Everything the first load needs in one file: on a slow link each extra request waits its turn
      // behind the browser's six connections.
      output: { codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] } },
    },
  },
  plugins: [
    preact(),
    VitePWA({
      registerType: 'autoUpdate',
      // Deferred: a plain script in the head held the dashboard's code until it had arrived (about
      // 200 ms of a first visit on Slow 4G, where it queued behind the code and words).
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Bienvenida',
        short_name: 'Bienvenida',
        description: 'Rapid-response coordinator for welcome networks',
        theme_color: themeColor,
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        // Long-pressing the installed app's icon goes straight to the form used at the bus station.
        shortcuts: [
          { name: 'Log a release · Anotar una liberación', short_name: 'Log release', url: '/releases/new' },
        ],
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        navigateFallback: '/index.html',
        // The server owns these paths; the SPA shell must never answer for them.
        // Public sheet links (/r/…) are server pages: a phone with the app installed must still open them.
        // So are travelers' itinerary links (/t/…).
        navigateFallbackDenylist: [/^\/(api|ws|sms|healthz)/, /^\/r\//, /^\/t\//],
      },
    }),
    precompress(),
  ],
  server: {
    proxy: {
      '/api': apiServer,
      '/ws': { target: apiServer, ws: true },
      '/healthz': apiServer,
      '/t/': apiServer,
    },
  },
});
