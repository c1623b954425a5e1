import { describe, expect, test } from 'vitest';
import {
  ENHANCED_CODES,
  REPLY_CLASSES,
  REPLY_CODES,
  COMMANDS,
  ETRN_CODES,
  AUTH_CODES,
  STARTTLS_CODES,
  SIZE_CODES,
  explainReply,
} from '../../src/core/protocol/catalogue';
import { de } from '../../src/i18n/de';
import { en } from '../../src/i18n/en';
import { LOCALES, format, i18n, initialLocale, t, translate } from '../../src/i18n/index.svelte';
import { protocolText } from '../../src/i18n/protocol';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  test('German has exactly the English keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  test('every German text has the same placeholders as the English one, and is not empty', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
      expect(de[key].trim(), key).not.toBe('');
    }
  });

  test('every locale is named in itself', () => {
    expect(LOCALES.map((l) => l.code)).toEqual(['en', 'de']);
  });
});

describe('t and format', () => {
  test('fills placeholders and leaves unknown ones', () => {
    expect(format('Hello {name}, {n}', { name: 'x' })).toBe('Hello x, {n}');
    expect(translate('en', 'console.statusConnected', { host: 'mx.b.example' })).toBe(
      'Connected to mx.b.example',
    );
    expect(translate('de', 'console.statusConnected', { host: 'mx.b.example' })).toBe(
      'Verbunden mit mx.b.example',
    );
  });

  test('follows the current locale', () => {
    const before = i18n.locale;
    i18n.locale = 'de';
    expect(t('console.send')).toBe('Senden');
    i18n.locale = 'en';
    expect(t('console.send')).toBe('Send');
    i18n.locale = before;
  });

  test('initial locale: stored choice, then browser languages, then English', () => {
    expect(initialLocale('de', ['en-US'])).toBe('de');
    expect(initialLocale(null, ['fr-FR', 'de-AT'])).toBe('de');
    expect(initialLocale('xx', ['fr'])).toBe('en');
    expect(initialLocale(null, [])).toBe('en');
  });
});

describe('protocol texts in German', () => {
  const tables = [REPLY_CODES, ETRN_CODES, AUTH_CODES, STARTTLS_CODES, SIZE_CODES, ENHANCED_CODES];

  test('every meaning of the catalogue has a German text', () => {
    const english = new Set<string>();
    for (const table of tables) for (const info of Object.values(table)) english.add(info.meaning);
    for (const info of Object.values(COMMANDS)) english.add(info.meaning);
    for (const cls of Object.values(REPLY_CLASSES)) english.add(cls.name).add(cls.meaning);
    const missing = [...english].filter((text) => protocolText(text, 'de').lang !== 'de');
    expect(missing).toEqual([]);
  });

  test('composed enhanced meanings are translated by their parts', () => {
    const composed = explainReply(550, '5.2.9').enhanced?.meaning ?? '';
    expect(composed).toBe('Permanent failure: Mailbox status');
    expect(protocolText(composed, 'de')).toEqual({
      text: 'Dauerhafter Fehler: Postfachstatus',
      lang: 'de',
    });
  });

  test('English stays English; an unknown text falls back marked as English', () => {
    expect(protocolText('Mailbox full', 'en')).toEqual({ text: 'Mailbox full', lang: 'en' });
    expect(protocolText('Something new', 'de')).toEqual({ text: 'Something new', lang: 'en' });
  });
});
