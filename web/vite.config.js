import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { geoCentroid } from 'd3-geo';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Centroids of all countries of world-atlas' 1:50m map, computed at build time with d3-geo: the 1:110m map
 * that the app draws leaves out small countries (Singapore, Malta, ...), whose partners still need a place.
 * A few kB instead of loading the 1:50m map (236 kB gzipped) in the browser.
 */
function countryCentroids() {
  const id = 'virtual:country-centroids';
  return {
    name: 'weltcampus-country-centroids',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
      const world = JSON.parse(readFileSync(file, 'utf8'));
      const out = {};
      for (const f of feature(world, world.objects.countries).features) {
        if (f.id === undefined) continue;
        const [lon, lat] = geoCentroid(f);
        out[String(f.id).padStart(3, '0')] = [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
      }
      return `export default ${JSON.stringify(out)};`;
    },
  };
}

export default defineConfig({
  root,
  plugins: [svelte(), countryCentroids()],
  // Svelte 5 picks its server build under Node unless told otherwise; component tests need the browser one.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a server started with `weltcampus serve --listen 127.0.0.1:8080`
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.js'],
    root,
  },
});
