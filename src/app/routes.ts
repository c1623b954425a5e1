// The route table: add a page by adding a line. Patterns may hold `:name` segments, which reach
// the page as `params` (e.g. `{ path: '/lessons/:slug/:step', component: LessonPage, title: … }`).
// The first pattern that fits wins, so `/lessons/:slug/print` comes before `/lessons/:slug/:step`.
import ConsolePage from './pages/ConsolePage.svelte';
import Home from './pages/Home.svelte';
import LessonIndexLoader from './pages/LessonIndexLoader.svelte';
import LessonLoader from './pages/LessonLoader.svelte';
import LessonPrintLoader from './pages/LessonPrintLoader.svelte';
import SandboxLoader from './pages/SandboxLoader.svelte';
import TeachersLoader from './pages/TeachersLoader.svelte';
import { t } from '../i18n/index.svelte';
import { lessonTitle } from './lessons/titles.svelte';
import { Router, type RouteDef, type RouteParams } from './router.svelte';

/** A lesson page's title: the lesson's own once loaded. */
const lesson = (params: RouteParams) => lessonTitle(params.slug) ?? t('lessons.title');
const handout = (params: RouteParams) => {
  const title = lessonTitle(params.slug);
  return title === undefined ? t('lessons.title') : t('lessons.print.title', { title });
};

export const ROUTES: RouteDef[] = [
  { path: '/', component: Home, title: 'home.title' },
  { path: '/console', component: ConsolePage, title: 'console.title' },
  // The simulator is loaded on demand (SandboxLoader imports SandboxPage as its own chunk).
  { path: '/sandbox', component: SandboxLoader, title: 'sim.title' },
  // The lessons too (the player, the index, the handout each their own chunk).
  { path: '/lessons', component: LessonIndexLoader, title: 'lessons.title' },
  { path: '/lessons/:slug', component: LessonLoader, title: lesson },
  { path: '/lessons/:slug/print', component: LessonPrintLoader, title: handout },
  { path: '/lessons/:slug/:step', component: LessonLoader, title: lesson },
  { path: '/teachers', component: TeachersLoader, title: 'lessons.teachers.title' },
];

export const router = new Router(ROUTES);
