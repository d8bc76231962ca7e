import { renderIndexHtml, scriptSafeJson, SLDS_STYLESHEET } from './indexHtml';
import type { PreviewContext } from '../platform/context';

const CONTEXT: PreviewContext = {
  instanceUrl: '',
  apiVersion: '62.0',
  accessToken: 'token',
  userId: '005M1',
  users: [
    {
      id: '005M1',
      name: 'Eve </script><script>alert(1)</script>',
      title: null,
      persona: 'Manager',
      managerId: null
    }
  ],
  i18n: { lang: 'fr', dir: 'ltr' },
  asOf: '2026-11-23',
  preservedParams: {}
};

describe('scriptSafeJson', () => {
  it('cannot close the script element it is written into', () => {
    const json = scriptSafeJson({ name: '</script><!--' });
    expect(json).not.toMatch(/<|>/);
    expect(JSON.parse(json)).toEqual({ name: '</script><!--' });
  });
});

describe('renderIndexHtml', () => {
  const html = renderIndexHtml(CONTEXT, '/preview-assets/abc/main.js');

  it('links SLDS and scopes the body', () => {
    expect(html).toContain(`<link rel="stylesheet" href="${SLDS_STYLESHEET}">`);
    expect(html).toContain('<body class="slds-scope">');
  });

  it("sets the page language from the user's locale", () => {
    expect(html).toContain('<html lang="fr" dir="ltr">');
  });

  it('embeds the context as JSON the page can read back, and loads the bundle as a module', () => {
    const json = /<script type="application\/json" id="pacer-preview-config">(.*)<\/script>/.exec(
      html
    )?.[1];
    expect(JSON.parse(json ?? 'null')).toEqual(CONTEXT);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<script type="module" src="/preview-assets/abc/main.js"></script>');
  });
});
