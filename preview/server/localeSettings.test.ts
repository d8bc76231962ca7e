import { datePattern, firstDayOfWeek, localeFromSidKey, localeSettings } from './localeSettings';

describe('localeFromSidKey', () => {
  it('turns a Salesforce locale key into a BCP 47 tag', () => {
    expect(localeFromSidKey('fr_FR')).toBe('fr-FR');
    expect(localeFromSidKey('en_US')).toBe('en-US');
  });

  it('falls back to en-US for a missing or invalid key', () => {
    expect(localeFromSidKey(null)).toBe('en-US');
    expect(localeFromSidKey('not a locale!')).toBe('en-US');
  });
});

describe('firstDayOfWeek', () => {
  it('numbers days as Salesforce does (1 = Sunday, 2 = Monday)', () => {
    expect(firstDayOfWeek('en-US')).toBe(1);
    expect(firstDayOfWeek('fr-FR')).toBe(2);
  });
});

describe('datePattern', () => {
  it('gives Java-style patterns, padded where the locale pads', () => {
    expect(datePattern('en-US', { dateStyle: 'short' })).toBe('M/d/yy');
    expect(datePattern('fr-FR', { dateStyle: 'short' })).toBe('dd/MM/yyyy');
    expect(datePattern('en-US', { dateStyle: 'medium' })).toBe('MMM d, yyyy');
    expect(datePattern('en-US', { timeStyle: 'short' })).toBe('h:mm a');
    expect(datePattern('de-DE', { timeStyle: 'short' })).toBe('HH:mm');
  });
});

describe('localeSettings', () => {
  it("gives the user's locale, the org's currency and the time zone with the locale's symbols", () => {
    const settings = localeSettings('fr-FR', 'EUR', 'Europe/Paris');
    expect(settings).toMatchObject({
      locale: 'fr-FR',
      lang: 'fr',
      dir: 'ltr',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      firstDayOfWeek: 2,
      'number.decimalSeparator': ',',
      'number.currencySymbol': '€'
    });
  });

  it('reads right to left for Arabic', () => {
    expect(localeSettings('ar-EG', 'EGP', 'Africa/Cairo').dir).toBe('rtl');
  });
});
