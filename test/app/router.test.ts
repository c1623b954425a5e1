import { describe, expect, test } from 'vitest';
import type { Component } from 'svelte';
import {
  Router,
  findRoute,
  href,
  matchPath,
  parseHash,
  type PageProps,
  type RouteDef,
} from '../../src/app/router.svelte';
import { isEmbedded } from '../../src/app/embed';

const Page = (() => ({})) as unknown as Component<PageProps>;
const Other = (() => ({})) as unknown as Component<PageProps>;

const routes: RouteDef[] = [
  { path: '/', component: Page, title: 'home.title' },
  { path: '/console', component: Other, title: 'console.title' },
  { path: '/lessons/:slug/:step', component: Page, title: (p) => `${p.slug} ${p.step}` },
];

describe('parseHash', () => {
  test.each([
    ['', '/'],
    ['#', '/'],
    ['#/', '/'],
    ['#/console', '/console'],
    ['#/console/', '/console'],
    ['#console', '/console'],
    ['#/lessons/a/1?x=2', '/lessons/a/1'],
  ])('%j is the path %j', (hash, path) => {
    expect(parseHash(hash).path).toBe(path);
  });

  test('keeps the query of the hash', () => {
    const { query } = parseHash('#/console?embed=1&server=mxb');
    expect(query.get('embed')).toBe('1');
    expect(query.get('server')).toBe('mxb');
  });
});

describe('matchPath and findRoute', () => {
  test('exact segments and parameters', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/console', '/console')).toEqual({});
    expect(matchPath('/console', '/consoles')).toBeNull();
    expect(matchPath('/lessons/:slug/:step', '/lessons/first-mail/3')).toEqual({
      slug: 'first-mail',
      step: '3',
    });
    expect(matchPath('/lessons/:slug/:step', '/lessons/first-mail')).toBeNull();
  });

  test('parameters are decoded, and a broken escape does not match', () => {
    expect(matchPath('/lessons/:slug/:step', '/lessons/a%20b/1')).toEqual({
      slug: 'a b',
      step: '1',
    });
    expect(matchPath('/lessons/:slug/:step', '/lessons/%E0%A4%A/1')).toBeNull();
  });

  test('the first fitting route wins; an unknown path has none', () => {
    expect(findRoute(routes, '/console')?.route.component).toBe(Other);
    expect(findRoute(routes, '/lessons/x/2')?.params).toEqual({ slug: 'x', step: '2' });
    expect(findRoute(routes, '/nowhere')).toBeNull();
  });
});

test('href builds hash links', () => {
  expect(href('/console')).toBe('#/console');
  expect(href('console')).toBe('#/console');
  expect(href('/sandbox', { s: 'abc' })).toBe('#/sandbox?s=abc');
});

describe('Router', () => {
  test('follows hashchange and navigates', () => {
    const listeners = new Set<() => void>();
    const fakeWindow = {
      location: { hash: '#/console' },
      addEventListener: (_: string, f: () => void) => listeners.add(f),
      removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    } as unknown as Window;
    const router = new Router(routes, '');
    expect(router.path).toBe('/');
    const stop = router.start(fakeWindow);
    expect(router.path).toBe('/console');
    expect(router.match?.route.component).toBe(Other);

    fakeWindow.location.hash = '#/lessons/intro/1';
    listeners.forEach((f) => f());
    expect(router.match?.params).toEqual({ slug: 'intro', step: '1' });

    router.navigate('/', fakeWindow);
    expect(fakeWindow.location.hash).toBe('#/');
    expect(router.path).toBe('/');

    stop();
    expect(listeners.size).toBe(0);
  });
});

test('embed mode from the page address or the hash query', () => {
  expect(isEmbedded('?embed=1', '#/console')).toBe(true);
  expect(isEmbedded('', '#/console?embed=1')).toBe(true);
  expect(isEmbedded('?embed=0', '#/console')).toBe(false);
  expect(isEmbedded('', '#/console')).toBe(false);
});
