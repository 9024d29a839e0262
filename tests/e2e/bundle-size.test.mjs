// The first page load fetches at most 200 kB of JavaScript (gzipped); the map comes later, on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { WEB_DIST } from './harness.mjs';

const LIMIT = 200 * 1024;

test('initial JavaScript is at most 200 kB gzipped, and the map is not part of it', async () => {
  const html = await readFile(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(files.length >= 1, 'index.html loads a script');
  let total = 0;
  const sources = [];
  for (const f of new Set(files)) {
    const code = await readFile(join(WEB_DIST, f));
    sources.push(code.toString());
    total += gzipSync(code, { level: 9 }).length;
  }
  console.log(`initial JavaScript: ${files.join(', ')} = ${(total / 1024).toFixed(1)} kB gzipped`);
  assert.ok(total <= LIMIT, `${total} bytes > ${LIMIT}`);
  // The world's outlines (world-atlas, read by topojson-client) are TopoJSON "arcs": in a chunk of their own, never in
  // the initial JavaScript. (Country and region names are in the initial bundle for the lists, so they tell nothing.)
  const topology = /\barcs\b/;
  assert.ok(!sources.some((s) => topology.test(s)), 'world-atlas/topojson are loaded lazily');
  const lazy = [];
  for (const name of await readdir(join(WEB_DIST, 'assets'))) {
    if (name.endsWith('.js') && !files.includes(`/assets/${name}`)) lazy.push((await readFile(join(WEB_DIST, 'assets', name))).toString());
  }
  assert.ok(lazy.some((s) => topology.test(s)), 'a lazily loaded chunk holds the world map');
});
