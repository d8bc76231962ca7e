import { pageContext, PREVIEW_API_VERSION } from './pageConfig';
import type { OrgUser } from './users';

const USERS: OrgUser[] = [
  {
    id: '005M1',
    name: 'Mo Manager',
    title: 'Sales Manager',
    persona: 'Manager',
    managerId: null,
    localeSidKey: 'en_US',
    timeZoneSidKey: 'Europe/Paris'
  },
  {
    id: '005R1',
    name: 'Ray Rep',
    title: 'Account Manager',
    persona: 'Rep',
    managerId: '005M1',
    localeSidKey: 'fr_FR',
    timeZoneSidKey: 'Europe/Berlin'
  }
];
const ORG = { currency: 'EUR', orgTimeZone: 'Europe/Paris', asOf: '2026-11-23' };

describe('pageContext', () => {
  it('runs the page as the user the URL names, in their locale and time zone', () => {
    const context = pageContext(new URLSearchParams('user=005R1'), USERS, ORG, 'token');
    expect(context).toMatchObject({
      instanceUrl: '',
      apiVersion: PREVIEW_API_VERSION,
      // The page's own token: its API calls run as its user, whatever other pages do.
      accessToken: 'token.005R1',
      userId: '005R1',
      asOf: '2026-11-23',
      preservedParams: { user: '005R1' }
    });
    expect(context.i18n).toMatchObject({
      locale: 'fr-FR',
      currency: 'EUR',
      timeZone: 'Europe/Berlin'
    });
    expect(context.users.map((u) => u.id)).toEqual(['005M1', '005R1']);
  });

  it('falls back to the default user for an unknown or missing user', () => {
    expect(pageContext(new URLSearchParams('user=005NOPE'), USERS, ORG, 't').userId).toBe('005M1');
    expect(pageContext(new URLSearchParams(''), USERS, ORG, 't').preservedParams).toEqual({
      user: '005M1'
    });
  });

  it('lets the URL override the locale, and keeps it across navigation', () => {
    const context = pageContext(new URLSearchParams('user=005M1&locale=de-DE'), USERS, ORG, 't');
    expect(context.i18n.locale).toBe('de-DE');
    expect(context.preservedParams).toEqual({ user: '005M1', locale: 'de-DE' });
  });

  it('ignores a locale the browser could not use', () => {
    const context = pageContext(new URLSearchParams('locale=%%%'), USERS, ORG, 't');
    expect(context.i18n.locale).toBe('en-US');
    expect(context.preservedParams).toEqual({ user: '005M1' });
  });
});
