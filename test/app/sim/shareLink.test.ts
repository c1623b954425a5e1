// Share link addresses and the sandbox's reading of its own address.
import { describe, expect, test } from 'vitest';
import { embedSnippet, shareUrl } from '../../../src/app/simulator/shareLink';
import { requestKey, sandboxRequest } from '../../../src/app/simulator/request';

describe('shareUrl', () => {
  test.each([
    [
      'https://teach.example/smtp/#/sandbox?preset=x',
      'https://teach.example/smtp/#/sandbox?s=AB&c=3',
    ],
    [
      'https://teach.example/smtp/index.html#/',
      'https://teach.example/smtp/index.html#/sandbox?s=AB&c=3',
    ],
    [
      'https://teach.example/smtp/?embed=1#/sandbox',
      'https://teach.example/smtp/#/sandbox?s=AB&c=3',
    ],
    [
      'https://teach.example/smtp/?lang=de&embed=1',
      'https://teach.example/smtp/?lang=de#/sandbox?s=AB&c=3',
    ],
  ])('%s', (page, link) => {
    expect(shareUrl(page, 's=AB&c=3')).toBe(link);
  });

  test('an embed link sets embed=1', () => {
    expect(shareUrl('https://t.example/a/#/', 's=AB', true)).toBe(
      'https://t.example/a/?embed=1#/sandbox?s=AB',
    );
  });

  test('the iframe snippet escapes its attributes', () => {
    expect(embedSnippet('https://t.example/a/', 's=AB&c=1', 'A "b" <c> & d')).toBe(
      '<iframe src="https://t.example/a/?embed=1#/sandbox?s=AB&amp;c=1" title="A &quot;b&quot; &lt;c> &amp; d" width="100%" height="720" style="border:0"></iframe>',
    );
  });
});

describe('sandboxRequest', () => {
  const read = (q: string) => sandboxRequest(new URLSearchParams(q));

  test.each([
    ['', { kind: 'default' }],
    ['embed=1', { kind: 'default' }],
    ['preset=greylisting', { kind: 'preset', id: 'greylisting' }],
    ['preset=', { kind: 'default' }],
    ['s=AB&c=4', { kind: 'share', s: 'AB', c: '4' }],
    ['s=AB', { kind: 'share', s: 'AB', c: null }],
    ['s=&preset=x', { kind: 'share', s: '', c: null }],
  ])('%j', (query, request) => {
    expect(read(query)).toEqual(request);
  });

  test('the key changes exactly when the request does', () => {
    expect(requestKey(read('s=AB&c=4'))).toBe(requestKey(read('c=4&embed=1&s=AB')));
    expect(requestKey(read('s=AB&c=4'))).not.toBe(requestKey(read('s=AB&c=5')));
    expect(requestKey(read('preset=a'))).not.toBe(requestKey(read('preset=b')));
    expect(requestKey(read(''))).toBe(requestKey(read('embed=1')));
  });
});
