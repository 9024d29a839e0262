import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { mount, unmount, flushSync } from 'svelte';
import { geoNaturalEarth1 } from 'd3-geo';
import WorldMap from './WorldMap.svelte';
import { setLocale } from '../i18n/index.svelte.js';

const partners = [
  { id: 1, tier: 'transcampus', name: "King's College London", country: 'GB', city: 'London', latitude: 51.5115, longitude: -0.116, active_agreements: 2 },
  { id: 2, tier: 'strategic', name: 'Wroclaw Medical University', country: 'PL', city: 'Wrocław', latitude: 51.11, longitude: 17.03, active_agreements: 5 },
  { id: 3, tier: 'standard', name: 'Sorbonne Université', country: 'FR', city: 'Paris', latitude: 48.85, longitude: 2.34, active_agreements: 0 },
];
const projection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [956, 496],
  ],
  { type: 'Sphere' },
);

// jsdom lays nothing out and has no canvas: the map gets a 960 × 500 stage and a context that records its drawing.
let calls;
const saved = {};
beforeAll(() => {
  saved.getContext = HTMLCanvasElement.prototype.getContext;
  saved.rect = Element.prototype.getBoundingClientRect;
  saved.clientWidth = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');
  saved.clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
  saved.ResizeObserver = globalThis.ResizeObserver;
  globalThis.ResizeObserver ??= class {
    constructor(callback) {
      this.callback = callback;
    }
    observe(target) {
      queueMicrotask(() => this.callback([{ target, contentRect: target.getBoundingClientRect() }], this));
    }
    unobserve() {}
    disconnect() {}
  };
  HTMLCanvasElement.prototype.getContext = function () {
    const ctx = {};
    for (const name of ['setTransform', 'beginPath', 'moveTo', 'arc', 'fill', 'stroke', 'clearRect']) {
      ctx[name] = (...args) => calls.push({ name, args, fillStyle: ctx.fillStyle });
    }
    return ctx;
  };
  Element.prototype.getBoundingClientRect = () => ({ left: 0, top: 0, width: 960, height: 500, right: 960, bottom: 500, x: 0, y: 0 });
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 960 });
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 500 });
});
afterAll(() => {
  globalThis.ResizeObserver = saved.ResizeObserver;
  HTMLCanvasElement.prototype.getContext = saved.getContext;
  Element.prototype.getBoundingClientRect = saved.rect;
  Object.defineProperty(Element.prototype, 'clientWidth', saved.clientWidth);
  Object.defineProperty(Element.prototype, 'clientHeight', saved.clientHeight);
});

let component;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  setLocale('en');
});

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function show() {
  calls = [];
  component = mount(WorldMap, { target: document.body, props: { partners } });
  flushSync();
  await frame();
  await frame();
  flushSync();
  return document.querySelector('canvas');
}

describe('the world map', () => {
  it('draws every partner on its canvas, at its place', async () => {
    setLocale('en');
    const canvas = await show();
    expect(canvas.dataset.markers).toBe('3');
    expect(canvas.dataset.drawn).toBe('3');
    const arcs = calls.filter((c) => c.name === 'arc');
    const [x, y] = projection([-0.116, 51.5115]);
    expect(arcs.some((c) => Math.abs(c.args[0] - x) < 0.01 && Math.abs(c.args[1] - y) < 0.01)).toBe(true);
    expect(document.querySelector('.stage').getAttribute('aria-label')).toBe('World map with 3 partners');
  });

  it('shows the partner under the pointer and finds partners as links', async () => {
    setLocale('en');
    await show();
    const [x, y] = projection([-0.116, 51.5115]);
    document.querySelector('.stage').dispatchEvent(new MouseEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
    flushSync();
    expect(document.querySelector('.tooltip')?.textContent).toContain("King's College London");
    expect(document.querySelector('.tooltip').dataset.partner).toBe('1');
    document.querySelector('.stage').dispatchEvent(new MouseEvent('pointerleave', { bubbles: true }));
    flushSync();
    expect(document.querySelector('.tooltip')).toBeNull();

    const input = document.getElementById('map-find');
    expect(document.querySelector('label[for="map-find"]').textContent).toBe('Find a partner on the map');
    input.value = 'wroc';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    const links = [...document.querySelectorAll('.found a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/partners/2']);
    expect(links[0].getAttribute('aria-label')).toMatch(/^Wroclaw Medical University, Poland, Strategic/);
    links[0].dispatchEvent(new FocusEvent('focus'));
    flushSync();
    expect(document.querySelector('.tooltip').textContent).toContain('Wroclaw Medical University');
    links[0].dispatchEvent(new FocusEvent('blur'));
    flushSync();
    expect(document.querySelector('.tooltip')).toBeNull();
  });

  it('speaks German', async () => {
    setLocale('de');
    await show();
    expect(document.querySelector('label[for="map-find"]').textContent).toBe('Partner auf der Karte finden');
    expect(document.querySelector('.stage').getAttribute('aria-label')).toBe('Weltkarte mit 3 Partnern');
  });
});
