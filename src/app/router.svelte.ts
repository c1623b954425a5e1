// A tiny hash router. Routes are a plain table (see routes.ts): a pattern such as
// `/lessons/:slug/:step`, the page component, and the title. The hash `#/console?x=1` gives the
// path `/console` and the query `x=1`; `?embed=1` in the page address is read by embed.ts.
import {
  findRoute,
  href,
  parseHash,
  type Location,
  type RouteDef,
  type RouteMatch,
} from './routing';

export {
  findRoute,
  href,
  matchPath,
  parseHash,
  type Location,
  type PageProps,
  type RouteDef,
  type RouteMatch,
  type RouteParams,
} from './routing';

/** The current location, kept in step with `hashchange`. */
export class Router {
  readonly routes: readonly RouteDef[];
  #hash = $state('');

  constructor(routes: readonly RouteDef[], initialHash = globalThis.location?.hash ?? '') {
    this.routes = routes;
    this.#hash = initialHash;
  }

  get location(): Location {
    return parseHash(this.#hash);
  }

  get path(): string {
    return this.location.path;
  }

  get match(): RouteMatch | null {
    return findRoute(this.routes, this.path);
  }

  /** Follows the browser's hash; returns the function that stops following it. */
  start(win: Window = window): () => void {
    const update = () => {
      this.#hash = win.location.hash;
    };
    update();
    win.addEventListener('hashchange', update);
    return () => win.removeEventListener('hashchange', update);
  }

  /** Goes to a path inside the app (adds a history entry, like a link). */
  navigate(path: string, win: Window = window): void {
    const target = href(path);
    if (win.location.hash === target) return;
    win.location.hash = target;
    this.#hash = target;
  }
}
