// Client-side routes: the home page, each module's routes (routes/<module>/module.js), the fallback. The
// server answers every non-API path with index.html, so these are real URLs.
// `permission`: the screen is offered only to people who have it (the server checks again and answers 403).
// `public`: reachable without signing in. `load`: a screen loaded on first use (administration).
import Home from './routes/Home.svelte';
import NotFound from './routes/NotFound.svelte';
import { modules } from './modules.js';

export const routes = [{ path: '/', component: Home }, ...modules.flatMap((m) => m.routes ?? [])];

export const notFound = { path: '*', component: NotFound };
