import { describe, it, expect, afterEach } from 'vitest';
import { mount, unmount, tick } from 'svelte';
import LanguageSwitch from './LanguageSwitch.svelte';
import { setFetch } from '../api.js';
import { session } from '../session.svelte.js';
import { i18n, setLocale } from '../i18n/index.svelte.js';

let component;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  session.user = null;
  setLocale('en');
});

const json = (body) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ETag: `"${body.version}"` } });
const settle = async () => {
  for (let i = 0; i < 20; i += 1) {
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
};

describe('the language switch', () => {
  it('keeps the last choice when German and English are clicked before the first save ends', async () => {
    setLocale('en');
    session.user = { id: 3, roles: ['international_office'], permissions: [], preferred_language: 'en' };
    // the account as the server keeps it; each PUT answers only when released, in order
    const account = { id: 3, preferred_language: 'en', version: 1 };
    const puts = [];
    const pending = [];
    setFetch(async (url, init = {}) => {
      if ((init.method ?? 'GET') === 'GET') return json({ ...account });
      const body = JSON.parse(init.body);
      puts.push(body.preferred_language);
      await new Promise((resolve) => pending.push(resolve));
      Object.assign(account, body, { version: account.version + 1 });
      return json({ ...account });
    });
    component = mount(LanguageSwitch, { target: document.body });
    const [english, german] = document.querySelectorAll('.lang button');
    german.click();
    await settle();
    english.click(); // while the German save is still under way
    await settle();
    expect(i18n.locale).toBe('en');
    expect(puts).toEqual(['de']);
    pending.shift()(); // the German save ends
    await settle();
    expect(puts).toEqual(['de', 'en']);
    pending.shift()();
    await settle();
    expect(account.preferred_language).toBe('en');
    expect(session.user.preferred_language).toBe('en');
    expect(pending).toHaveLength(0);
  });

  it('saves nothing without a signed-in person', async () => {
    const asked = [];
    setFetch(async (url) => {
      asked.push(url);
      return json({ version: 1 });
    });
    component = mount(LanguageSwitch, { target: document.body });
    document.querySelectorAll('.lang button')[1].click();
    await settle();
    expect(i18n.locale).toBe('de');
    expect(asked).toEqual([]);
  });
});
