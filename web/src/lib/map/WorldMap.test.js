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
    for (const name of ['setTransform', 'beginPath', 'moveTo', 'arc', 'fill', 'stroke', 'clearRect', 'fillText']) {
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

async function show(props = { partners }) {
  calls = [];
  component = mount(WorldMap, { target: document.body, props });
  flushSync();
  await frame();
  await frame();
  flushSync();
  return document.querySelector('canvas');
}

const cluster = () => document.querySelector('button.cluster');
const stage = () => document.querySelector('.stage');
const arcAt = ([x, y]) => calls.some((c) => c.name === 'arc' && Math.abs(c.args[0] - x) < 0.01 && Math.abs(c.args[1] - y) < 0.01);

describe('the world map', () => {
  it('draws the partners apart on its canvas and groups those close together, zooming in on them', async () => {
    setLocale('en');
    const canvas = await show();
    expect(canvas.dataset.markers).toBe('3');
    // at the world's zoom London and Paris are 10 pixels apart: one group; Wrocław alone
    expect(canvas.dataset.clusters).toBe('1');
    expect(canvas.dataset.drawn).toBe('1');
    expect(arcAt(projection([17.03, 51.11]))).toBe(true);
    expect(arcAt(projection([-0.116, 51.5115]))).toBe(false);
    expect(document.querySelectorAll('button.cluster')).toHaveLength(1);
    expect(cluster().textContent).toBe('2');
    expect(cluster().getAttribute('aria-label')).toBe('2 partners, most in France. Zoom in');
    expect(stage().getAttribute('aria-label')).toBe('World map with 3 partners');

    // activated, the group zooms in until its partners stand apart
    calls = [];
    cluster().click();
    flushSync();
    await frame();
    await frame();
    flushSync();
    expect(canvas.dataset.zoom).toBe('12');
    expect(canvas.dataset.clusters).toBe('0');
    expect(cluster()).toBeNull();
    expect(arcAt(projection([-0.116, 51.5115]))).toBe(true);
    expect(arcAt(projection([2.34, 48.85]))).toBe(true);
  });

  it('lists the partners of a group that stays together at the largest zoom', async () => {
    setLocale('en');
    // two partners in Berlin a few hundred metres apart (not on the same point, which the map spreads apart)
    const [lon1, lat1] = projection.invert([500.49, 130]);
    const [lon2, lat2] = projection.invert([500.51, 130]);
    const twins = [
      ...partners,
      { id: 8, tier: 'standard', name: 'Charité', country: 'DE', city: 'Berlin', latitude: lat1, longitude: lon1, active_agreements: 1 },
      { id: 9, tier: 'strategic', name: 'Freie Universität Berlin', country: 'DE', city: 'Berlin', latitude: lat2, longitude: lon2, active_agreements: 1 },
    ];
    const canvas = await show({ partners: twins });
    const berlin = () => [...document.querySelectorAll('button.cluster')].find((b) => b.getAttribute('aria-label').includes('Germany'));
    berlin().click();
    flushSync();
    expect(canvas.dataset.zoom).toBe('12');
    expect(berlin().getAttribute('aria-label')).toBe('2 partners, most in Germany. List them');
    expect(berlin().classList.contains('strategic')).toBe(true);
    berlin().click();
    flushSync();
    const heading = document.getElementById('map-group-heading');
    expect(heading.textContent).toBe('The 2 partners of this group');
    expect(document.activeElement).toBe(heading);
    const links = [...document.querySelectorAll('.in-view a')].map((a) => a.getAttribute('href')).sort();
    expect(links).toEqual(['/partners/8', '/partners/9']);
  });

  it('puts one group in the tab order; the arrow keys move between the groups', async () => {
    setLocale('en');
    const [lon, lat] = projection.invert([500.5, 130]);
    const berlin = { id: 8, tier: 'standard', name: 'Charité', country: 'DE', city: 'Berlin', latitude: lat, longitude: lon, active_agreements: 1 };
    const near = { ...berlin, id: 9, name: 'Freie Universität Berlin', latitude: lat + 0.5 };
    await show({ partners: [...partners, berlin, near] });
    const group = document.querySelector('[role="group"][aria-label="Groups of partners (the arrow keys move between them)"]');
    const buttons = () => [...group.querySelectorAll('button.cluster')];
    expect(buttons()).toHaveLength(2);
    // left to right: London and Paris, then Berlin
    expect(buttons().map((b) => b.tabIndex)).toEqual([0, -1]);
    buttons()[0].focus();
    buttons()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect(document.activeElement).toBe(buttons()[1]);
    expect(buttons().map((b) => b.tabIndex)).toEqual([-1, 0]);
    expect(document.activeElement.getAttribute('aria-label')).toMatch(/most in Germany/);
    buttons()[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    flushSync();
    expect(document.activeElement).toBe(buttons()[0]);
    // Enter zooms in, and the focus stays on the map
    buttons()[0].dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
    flushSync();
    expect(document.querySelector('canvas').dataset.zoom).not.toBe('1');
    expect(document.activeElement).toBe(stage());
  });

  it('marks the home institution with a named marker of its own', async () => {
    setLocale('en');
    await show({ partners, home: { name: 'Technische Universität Dresden', country: 'DE', latitude: 51.0285, longitude: 13.727 } });
    const home = document.querySelector('.home[role="img"]');
    expect(home.getAttribute('aria-label')).toBe('Home institution: Technische Universität Dresden');
    const [x, y] = projection([13.727, 51.0285]);
    expect(parseFloat(home.style.left)).toBeCloseTo((x / 960) * 100, 1);
    expect(parseFloat(home.style.top)).toBeCloseTo((y / 500) * 100, 1);
    // it is no partner
    expect(document.querySelector('canvas').dataset.markers).toBe('3');
  });

  it('lists the partners in view', async () => {
    setLocale('en');
    const flinders = { id: 5, tier: 'strategic', name: 'Flinders University', country: 'AU', city: 'Adelaide', latitude: -35.02, longitude: 138.57, active_agreements: 2 };
    await show({ partners: [...partners, flinders] });
    const details = document.querySelector('details.in-view');
    expect(details.querySelector('summary').textContent).toBe('4 partners in view: list');
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    flushSync();
    expect([...details.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Flinders University', "King's College London", 'Sorbonne Université', 'Wroclaw Medical University']);
    // zoomed in on London and Paris, Adelaide is out of view
    cluster().click();
    flushSync();
    expect(details.querySelector('summary').textContent).toBe('3 partners in view: list');
    expect([...details.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/partners/1', '/partners/3', '/partners/2']);
  });

  it('shows the partner under the pointer and finds partners as links', async () => {
    setLocale('en');
    await show();
    const [x, y] = projection([17.03, 51.11]);
    stage().dispatchEvent(new MouseEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
    flushSync();
    expect(document.querySelector('.tooltip')?.textContent).toContain('Wroclaw Medical University');
    expect(document.querySelector('.tooltip').dataset.partner).toBe('2');
    stage().dispatchEvent(new MouseEvent('pointerleave', { bubbles: true }));
    flushSync();
    expect(document.querySelector('.tooltip')).toBeNull();

    const input = document.getElementById('map-find');
    expect(document.querySelector('label[for="map-find"]').textContent).toBe('Find a partner on the map');
    input.value = 'college';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    const links = [...document.querySelectorAll('.found a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/partners/1']);
    expect(links[0].getAttribute('aria-label')).toMatch(/^King's College London, United Kingdom, transCampus/);
    // a partner of a group shows on top, its group faded
    links[0].dispatchEvent(new FocusEvent('focus'));
    flushSync();
    expect(document.querySelector('.tooltip').textContent).toContain("King's College London");
    expect(cluster().classList.contains('faded')).toBe(true);
    links[0].dispatchEvent(new FocusEvent('blur'));
    flushSync();
    expect(document.querySelector('.tooltip')).toBeNull();
    expect(cluster().classList.contains('faded')).toBe(false);
  });

  it('zooms with two fingers, keeping the place between them where it is', async () => {
    setLocale('en');
    const canvas = await show();
    const touch = (type, id, x, y) => {
      const e = new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, button: 0 });
      Object.defineProperty(e, 'pointerId', { value: id });
      Object.defineProperty(e, 'pointerType', { value: 'touch' });
      stage().dispatchEvent(e);
      flushSync();
    };
    touch('pointerdown', 1, 400, 200);
    touch('pointerdown', 2, 500, 200);
    touch('pointermove', 2, 600, 200); // twice as far apart: twice the zoom
    expect(Number(canvas.dataset.zoom)).toBeCloseTo(2);
    // the map point that was between the fingers (450, 200) is between them now (500, 200): in map units of the
    // view at zoom 2, x = vb.x + 500 / 960 × 480
    const vb = document.querySelector('.stage svg').getAttribute('viewBox').split(' ').map(Number);
    expect(vb[0] + (500 / 960) * vb[2]).toBeCloseTo(450);
    expect(vb[1] + (200 / 500) * vb[3]).toBeCloseTo(200);
    touch('pointerup', 2, 600, 200);
    touch('pointerup', 1, 400, 200);
    // a pinch opens nothing and leaves the zoom
    expect(Number(canvas.dataset.zoom)).toBeCloseTo(2);
  });

  it('speaks German', async () => {
    setLocale('de');
    await show({ partners, home: { name: 'TU Dresden', country: 'DE', latitude: 51.0285, longitude: 13.727 } });
    expect(document.querySelector('label[for="map-find"]').textContent).toBe('Partner auf der Karte finden');
    expect(stage().getAttribute('aria-label')).toBe('Weltkarte mit 3 Partnern');
    expect(cluster().getAttribute('aria-label')).toBe('2 Partner, die meisten in Frankreich. Vergrößern');
    expect(document.querySelector('.home').getAttribute('aria-label')).toBe('Heimathochschule: TU Dresden');
    expect(document.querySelector('details.in-view summary').textContent).toBe('3 Partner im Ausschnitt: Liste');
  });
});
