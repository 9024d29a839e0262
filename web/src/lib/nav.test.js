import { describe, it, expect } from 'vitest';
import { areas, visibleAreas, activeItem, collectAreas } from './nav.js';
import { routes } from '../routes.js';
import { createPaging } from './paging.js';
import { orderTree } from './reference.js';

describe('navigation', () => {
  it('names all six areas of the strategy and the administration, and shows only those with screens', () => {
    expect(areas.map((a) => a.id)).toEqual(['partners', 'exchange', 'teaching', 'research', 'campus', 'evaluation', 'admin']);
    expect(visibleAreas().map((a) => a.id)).toEqual(['partners', 'exchange', 'admin']);
  });
  it('puts together what the modules contribute: their navigation items by area, their routes', () => {
    const got = collectAreas([{ id: 'a' }, { id: 'b' }], [{ nav: [{ area: 'b', href: '/x' }] }, { routes: [] }, { nav: [{ area: 'a', href: '/y' }, { area: 'b', href: '/z' }] }]);
    expect(got.map((a) => a.items.map((i) => i.href))).toEqual([['/y'], ['/x', '/z']]);
    const paths = routes.map((r) => r.path);
    for (const p of ['/', '/login', '/partners', '/partners/:id/edit', '/agreements/expiring', '/users/:id', '/audit', '/students', '/programmes', '/me/student']) expect(paths).toContain(p);
    expect(new Set(paths).size).toBe(paths.length);
  });
  it('marks the screen one is on', () => {
    expect(activeItem('/partners/map').item.href).toBe('/partners/map');
    expect(activeItem('/partners/12').item.href).toBe('/partners');
    expect(activeItem('/institutions/3/edit').item.href).toBe('/partners');
    expect(activeItem('/agreements/expiring').item.href).toBe('/agreements/expiring');
    expect(activeItem('/agreements/5/edit').item.href).toBe('/agreements');
    expect(activeItem('/users/4').item.href).toBe('/users');
    expect(activeItem('/audit').item.href).toBe('/audit');
    expect(activeItem('/')).toBeNull();
  });
});

describe('cursor paging', () => {
  it('goes forward and back through remembered cursors', () => {
    const p = createPaging();
    expect(p.next(0, 'c1')).toEqual({ page: 1, cursor: 'c1' });
    expect(p.next(1, 'c2')).toEqual({ page: 2, cursor: 'c2' });
    expect(p.previous(2, 'c2')).toEqual({ page: 1, cursor: 'c1' });
    expect(p.previous(1, 'c1')).toEqual({ page: null, cursor: null });
  });
  it('starts over when earlier cursors are unknown (after a reload)', () => {
    expect(createPaging().previous(3, 'c3')).toEqual({ page: null, cursor: null });
  });
});

describe('the school’s units', () => {
  it('are ordered as a tree', () => {
    const out = orderTree([
      { id: 3, parent_id: 1, name: 'Clinic B' },
      { id: 1, parent_id: null, name: 'School' },
      { id: 2, parent_id: 1, name: 'Clinic A' },
      { id: 4, parent_id: 2, name: 'Ward' },
    ]);
    expect(out.map((u) => [u.name, u.depth])).toEqual([
      ['School', 0],
      ['Clinic A', 1],
      ['Ward', 2],
      ['Clinic B', 1],
    ]);
  });
});
