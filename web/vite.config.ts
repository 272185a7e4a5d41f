import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiServer = 'http://127.0.0.1:3000';
const themeColor = '#0f5c4d';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    // Only @shared resolves in the bundle: @server (see tsconfig.json) is for types, which the build
    // erases, so a value imported from the server by mistake fails the build instead of shipping it.
    alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  plugins: [
    preact(),
    VitePWA({
      registerType: 'autoUpdate',
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
        navigateFallbackDenylist: [/^\/(api|ws|sms|healthz)/],
      },
    }),
  ],
  server: {
    proxy: {
      '/api': apiServer,
      '/ws': { target: apiServer, ws: true },
      '/healthz': apiServer,
    },
  },
});
