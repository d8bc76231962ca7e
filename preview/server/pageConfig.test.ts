import { tokenUser } from '../../localorg/sessions';
import { pageContext, PREVIEW_API_VERSION } from './pageConfig';
import type { OrgUser } from './users';

const USERS: OrgUser[] = [
  {
    id: '0058N0000000001QAA',
    name: 'Mo Manager',
    title: 'Sales Manager',
    persona: 'Manager',
    managerId: null,
    localeSidKey: 'en_US',
    timeZoneSidKey: 'Europe/Paris'
  },
  {
    id: '0058N0000000002QAA',
    name: 'Ray Rep',
    title: 'Account Manager',
    persona: 'Rep',
    managerId: '0058N0000000001QAA',
    localeSidKey: 'fr_FR',
    timeZoneSidKey: 'Europe/Berlin'
  }
];
const ORG = { currency: 'EUR', orgTimeZone: 'Europe/Paris', asOf: '2026-11-23' };

describe('pageContext', () => {
  it('runs the page as the user the URL names, in their locale and time zone', () => {
    const context = pageContext(
      new URLSearchParams('user=0058N0000000002QAA'),
      USERS,
      ORG,
      'token'
    );
    expect(context).toMatchObject({
      instanceUrl: '',
      apiVersion: PREVIEW_API_VERSION,
      // The page's own token: its API calls run as its user, whatever other pages do.
      accessToken: 'token.0058N0000000002QAA',
      userId: '0058N0000000002QAA',
      asOf: '2026-11-23',
      preservedParams: { user: '0058N0000000002QAA' }
    });
    expect(context.i18n).toMatchObject({
      locale: 'fr-FR',
      currency: 'EUR',
      timeZone: 'Europe/Berlin'
    });
    // The local org runs that token as the page's user.
    expect(tokenUser(context.accessToken, 'token')).toBe('0058N0000000002QAA');
    expect(context.users.map((u) => u.id)).toEqual(['0058N0000000001QAA', '0058N0000000002QAA']);
  });

  it('falls back to the default user for an unknown or missing user', () => {
    expect(pageContext(new URLSearchParams('user=005NOPE'), USERS, ORG, 't').userId).toBe(
      '0058N0000000001QAA'
    );
    expect(pageContext(new URLSearchParams(''), USERS, ORG, 't').preservedParams).toEqual({
      user: '0058N0000000001QAA'
    });
  });

  it('lets the URL override the locale, and keeps it across navigation', () => {
    const context = pageContext(
      new URLSearchParams('user=0058N0000000001QAA&locale=de-DE'),
      USERS,
      ORG,
      't'
    );
    expect(context.i18n.locale).toBe('de-DE');
    expect(context.preservedParams).toEqual({ user: '0058N0000000001QAA', locale: 'de-DE' });
  });

  it('ignores a locale the browser could not use', () => {
    const context = pageContext(new URLSearchParams('locale=%%%'), USERS, ORG, 't');
    expect(context.i18n.locale).toBe('en-US');
    expect(context.preservedParams).toEqual({ user: '0058N0000000001QAA' });
  });
});
