import { describe, expect, it } from 'vitest';
import { catalogs, templates } from '../server/texts';
import { smsLanguages } from '../shared/sms';

describe('the SMS text catalogs', () => {
  it('give each key to one domain, so merging them loses none', () => {
    const keys = Object.values(catalogs).flatMap((c) => Object.keys(c));
    expect(keys.length).toBeGreaterThan(20);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(templates)).toHaveLength(keys.length);
  });

  it('write every text in every language the network texts in', () => {
    for (const texts of Object.values(templates)) {
      for (const lang of smsLanguages) expect(texts[lang]?.trim()).toBeTruthy();
    }
  });
});
