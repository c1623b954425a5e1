// The route table: add a page by adding a line. Patterns may hold `:name` segments, which reach
// the page as `params` (e.g. `{ path: '/lessons/:slug/:step', component: LessonPage, title: … }`).
import ConsolePage from './pages/ConsolePage.svelte';
import Home from './pages/Home.svelte';
import SandboxLoader from './pages/SandboxLoader.svelte';
import { Router, type RouteDef } from './router.svelte';

export const ROUTES: RouteDef[] = [
  { path: '/', component: Home, title: 'home.title' },
  { path: '/console', component: ConsolePage, title: 'console.title' },
  // The simulator is loaded on demand (SandboxLoader imports SandboxPage as its own chunk).
  { path: '/sandbox', component: SandboxLoader, title: 'sim.title' },
];

export const router = new Router(ROUTES);
