/**
 * The preview's HTML page: SLDS, `slds-scope` on <body>, the page context as JSON and the bundle.
 */
import { CONTEXT_ELEMENT_ID, type PreviewContext } from '../platform/context';

/** The SLDS stylesheet, served from @salesforce-ux/design-system under /assets. */
export const SLDS_STYLESHEET = '/assets/styles/salesforce-lightning-design-system.min.css';

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The page shown while the components do not build (watch mode waits for the next change). */
export function renderBuildErrorHtml(message: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Build failed | Pacer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${SLDS_STYLESHEET}">
</head>
<body class="slds-scope">
<main class="slds-p-around_medium">
<article class="slds-card">
<div class="slds-card__header"><h1 class="slds-card__header-title slds-text-color_error">The components do not build</h1></div>
<div class="slds-card__body slds-card__body_inner">
<pre class="slds-text-font_monospace" style="white-space: pre-wrap">${escapeAttribute(message)}</pre>
<p class="slds-m-top_small">The preview rebuilds when a source changes; reload this page then.</p>
</div>
</article>
</main>
</body>
</html>
`;
}

/** The page for a context and the URL of the bundle's entry. */
export function renderIndexHtml(context: PreviewContext, entryUrl: string): string {
  const lang = String(context.i18n.lang ?? 'en');
  const dir = String(context.i18n.dir ?? 'ltr');
  return `<!doctype html>
<html lang="${escapeAttribute(lang)}" dir="${escapeAttribute(dir)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pacer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${SLDS_STYLESHEET}">
<link rel="modulepreload" href="${escapeAttribute(entryUrl)}">
<style>html, body { margin: 0; background: #f3f3f3; }</style>
<script type="application/json" id="${CONTEXT_ELEMENT_ID}">${scriptSafeJson(context)}</script>
<script type="module" src="${escapeAttribute(entryUrl)}"></script>
</head>
<body class="slds-scope">
<div id="main"></div>
</body>
</html>
`;
}
