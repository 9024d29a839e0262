import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { match, resolve, route, navigate, setQuery, query, startRouter } from './router.svelte.js';

describe('route patterns', () => {
  it('match paths and take their parameters', () => {
    expect(match('/partners/:id', '/partners/42')).toEqual({ id: '42' });
    expect(match('/partners/:id/edit', '/partners/42/edit')).toEqual({ id: '42' });
    expect(match('/partners/:id', '/partners')).toBeNull();
    // an id is a positive whole number: other words are no record
    expect(match('/agreements/:id/edit', '/agreements/expiring/edit')).toBeNull();
    expect(match('/agreements/:id', '/agreements/0')).toBeNull();
    expect(match('/agreements/:id', '/agreements/-3')).toBeNull();
    expect(match('/agreements/:id', '/agreements/%E0%A4%A')).toBeNull();
    expect(match('/imports/:kind', '/imports/eche')).toEqual({ kind: 'eche' });
    expect(match('/', '/')).toEqual({});
    expect(match('/partners', '/partners/')).toEqual({});
  });
  it('choose the first route that fits', () => {
    const routes = [{ path: '/partners/map' }, { path: '/partners/:id' }];
    expect(resolve(routes, '/partners/map').path).toBe('/partners/map');
    expect(resolve(routes, '/partners/7').params).toEqual({ id: '7' });
    expect(resolve(routes, '/nowhere')).toBeNull();
  });
});

describe('the current location', () => {
  let stop;
  beforeEach(() => {
    history.replaceState({}, '', '/');
    stop = startRouter();
    navigate('/', { replace: true });
  });
  afterEach(() => stop());

  it('follows navigate() and the address bar', () => {
    navigate('/partners/3');
    expect(route.path).toBe('/partners/3');
    expect(location.pathname).toBe('/partners/3');
  });

  it('keeps filters in the query string', () => {
    navigate('/partners');
    setQuery({ tier: 'strategic', q: 'wroclaw' });
    expect(location.search).toBe('?tier=strategic&q=wroclaw');
    expect(query().get('tier')).toBe('strategic');
    setQuery({ tier: '' });
    expect(location.search).toBe('?q=wroclaw');
  });

  it('turns clicks on internal links into navigation without a page load', () => {
    const a = document.createElement('a');
    a.href = '/agreements?status=active';
    a.textContent = 'x';
    document.body.append(a);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    a.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(route.path).toBe('/agreements');
    expect(route.search).toBe('?status=active');
    a.remove();
  });

  it('leaves links with a modifier key and API links to the browser', () => {
    const a = document.createElement('a');
    document.body.append(a);
    // Runs after the router's document listener: records its decision, then stops jsdom from navigating.
    let handled = null;
    const spy = (e) => {
      handled = e.defaultPrevented;
      e.preventDefault();
    };
    window.addEventListener('click', spy);
    a.href = '/partners';
    a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    expect(handled).toBe(false);
    a.href = '/api/v1/openapi.json';
    a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(handled).toBe(false);
    expect(route.path).toBe('/');
    window.removeEventListener('click', spy);
    a.remove();
  });

  it('follows the back button', async () => {
    navigate('/partners');
    navigate('/agreements');
    history.back();
    await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    expect(route.path).toBe('/partners');
  });
});
