// Hash routes as plain data and pure functions (no runes here: tests and other modules use them
// without Svelte). The reactive Router is in router.svelte.ts.
import type { Component } from 'svelte';
import type { MessageKey } from '../i18n/index.svelte';

export type RouteParams = Record<string, string>;

/** Props every page receives. Pages may ignore them. */
export interface PageProps {
  params: RouteParams;
  query: URLSearchParams;
}

export interface RouteDef {
  /** `/`, `/console`, `/lessons/:slug/:step`: a `:name` segment matches any one segment. */
  path: string;
  component: Component<PageProps>;
  /** The page title: a message key, or a function of the parameters for dynamic pages. */
  title: MessageKey | ((params: RouteParams) => string);
}

export interface RouteMatch {
  route: RouteDef;
  params: RouteParams;
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** `#/console?x=1` → path `/console`, query `x=1`. Empty hash or `#` is `/`. */
export function parseHash(hash: string): Location {
  let rest = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = rest.indexOf('?');
  const query = new URLSearchParams(q >= 0 ? rest.slice(q + 1) : '');
  if (q >= 0) rest = rest.slice(0, q);
  if (!rest.startsWith('/')) rest = `/${rest}`;
  if (rest.length > 1 && rest.endsWith('/')) rest = rest.replace(/\/+$/, '') || '/';
  return { path: rest, query };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The parameters when `path` fits `pattern`, else null. Segments compare exactly. */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      const value = decodeSegment(h);
      if (value === null || value === '') return null;
      params[w.slice(1)] = value;
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

/** The first route of the table that fits `path`, or null (the "not found" page). */
export function findRoute(routes: readonly RouteDef[], path: string): RouteMatch | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** A link target for a path inside the app: `href('/console')` is `#/console`. */
export function href(path: string, query?: Record<string, string>): string {
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#${path.startsWith('/') ? path : `/${path}`}${search ? `?${search}` : ''}`;
}
