/**
 * Header control choosing whom the page runs as (`@salesforce/user/Id`) and in which locale.
 * Both live in the URL (`?user=…&locale=…`), so a reload or a shared link keeps them; switching
 * reloads the page, as logging in as another user would.
 */
import { LightningElement } from 'lwc';
import { previewContext, type PreviewUser } from '../../../../platform/context';

/** Locales offered besides the user's own. */
const LOCALES = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'ja-JP'];
const PERSONA_ORDER: Record<PreviewUser['persona'], number> = { Director: 0, Manager: 1, Rep: 2 };
const USER_LOCALE = '';

function switchUrl(param: string, value: string): string {
  const url = new URL(window.location.href);
  if (value) url.searchParams.set(param, value);
  else url.searchParams.delete(param);
  return `${url.pathname}${url.search}`;
}

export default class UserSwitcher extends LightningElement {
  get userOptions(): Array<{ label: string; value: string }> {
    return [...previewContext().users]
      .sort(
        (a, b) =>
          PERSONA_ORDER[a.persona] - PERSONA_ORDER[b.persona] || a.name.localeCompare(b.name)
      )
      .map((user) => ({
        label: `${user.name} · ${user.persona}${user.title ? ` (${user.title})` : ''}`,
        value: user.id
      }));
  }

  get userId(): string {
    return previewContext().userId;
  }

  get localeOptions(): Array<{ label: string; value: string }> {
    const userLocale = previewContext().i18n.locale;
    return [
      { label: 'Default', value: USER_LOCALE },
      ...LOCALES.map((locale) => ({ label: locale, value: locale }))
    ].map((option) =>
      option.value === USER_LOCALE ? { ...option, label: `Default (${userLocale})` } : option
    );
  }

  get locale(): string {
    return previewContext().preservedParams.locale ?? USER_LOCALE;
  }

  handleUserChange(event: CustomEvent<{ value: string }>): void {
    window.location.assign(switchUrl('user', event.detail.value));
  }

  handleLocaleChange(event: CustomEvent<{ value: string }>): void {
    window.location.assign(switchUrl('locale', event.detail.value));
  }
}
