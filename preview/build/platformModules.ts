/**
 * Rollup plugin that gives the components the platform modules Salesforce provides at runtime:
 * `lightning/graphql`, `lightning/uiRecordApi`, `lightning/navigation`, … map to the preview's
 * implementations in preview/platform; `@salesforce/label/c.*`, `@salesforce/schema/*`,
 * `@salesforce/i18n/*` and `@salesforce/user/*` become small generated modules. It runs before the
 * LWC plugin, so these win over lightning-base-components' own (en-US, static) stubs.
 */
import path from 'node:path';
import type { Plugin } from 'rollup';
import type { PageComponent } from './pageComponents';
import { I18N_KEYS } from '../server/localeSettings';

/** Platform module → file in preview/platform implementing it. */
export const PLATFORM_MODULE_FILES: Readonly<Record<string, string>> = {
  'lightning/graphql': 'graphql.ts',
  'lightning/uiRecordApi': 'uiRecordApi.ts',
  'lightning/navigation': 'navigation.ts',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
  'lightning/refresh': 'refresh.ts'
};

/**
 * lightning-base-components' gates that must stay closed in the preview. The package opens every
 * gate; this one makes lightning-combobox call `attachInternals()`, which synthetic shadow (what
 * Lightning Experience runs) refuses, so the component would fail to render.
 */
export const CLOSED_GATES: readonly string[] = [
  '@salesforce/gate/bc.260.enableComboboxElementInternals'
];

/** The specifier of the generated module listing the pages' components (see app/modules). */
export const PAGES_MODULE = 'preview:pages';
/** Internal specifier for the runtime context module, used by generated modules. */
const CONTEXT_MODULE = '@pacer-preview/context';
const VIRTUAL_PREFIX = '\0pacer:';

/** Options of {@link platformModules}. */
export interface PlatformModulesOptions {
  /** preview/platform. */
  platformDir: string;
  /** Custom labels by full name. */
  labels: ReadonlyMap<string, string>;
  /** Where labels come from, for error messages. */
  labelsFile: string;
  /** The components the pages host. */
  pageComponents: readonly PageComponent[];
  /** Module names lightning-base-components provides itself (its `lwc.modules` records). */
  baseComponentModules: ReadonlySet<string>;
}

/** `{ objectApiName, fieldApiName }` as the platform gives for `@salesforce/schema/<ref>`. */
export function schemaReference(ref: string): { objectApiName: string; fieldApiName?: string } {
  if (!/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(ref)) {
    throw new Error(`@salesforce/schema/${ref} is not an object or field reference`);
  }
  const [objectApiName, ...field] = ref.split('.');
  return field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
}

/** The code of the generated module for a virtual id (without the prefix), or an error message. */
export function virtualModuleCode(
  id: string,
  options: Pick<PlatformModulesOptions, 'labels' | 'labelsFile' | 'pageComponents'>
): string {
  const [kind, ...rest] = id.split('/');
  const name = rest.join('/');
  switch (kind) {
    case 'label': {
      const value = options.labels.get(name.replace(/^c\./, ''));
      return `export default ${JSON.stringify(value)};\n`;
    }
    case 'schema':
      return `export default Object.freeze(${JSON.stringify(schemaReference(name))});\n`;
    case 'i18n':
      return `import { previewContext } from '${CONTEXT_MODULE}';\nexport default previewContext().i18n[${JSON.stringify(name)}];\n`;
    case 'user':
      return name === 'Id'
        ? `import { previewContext } from '${CONTEXT_MODULE}';\nexport default previewContext().userId;\n`
        : 'export default false;\n';
    case 'gate':
      return 'export default { isOpen: () => false };\n';
    case 'pages':
      return options.pageComponents
        .map((page) =>
          page.exists
            ? `export { default as ${page.page} } from 'c/${page.bundle}';\n`
            : `export const ${page.page} = null;\n`
        )
        .concat(`export const pageComponents = ${JSON.stringify(options.pageComponents)};\n`)
        .join('');
    default:
      throw new Error(`unknown virtual module ${id}`);
  }
}

/** The Rollup plugin. */
export function platformModules(options: PlatformModulesOptions): Plugin {
  const i18nKeys = new Set<string>(I18N_KEYS);
  return {
    name: 'pacer-platform-modules',
    resolveId(source, importer) {
      const file = PLATFORM_MODULE_FILES[source];
      if (file) return path.join(options.platformDir, file);
      if (source === CONTEXT_MODULE) return path.join(options.platformDir, 'context.ts');
      if (source === PAGES_MODULE) return `${VIRTUAL_PREFIX}pages`;
      if (!source.startsWith('@salesforce/')) return null;
      if (CLOSED_GATES.includes(source)) return `${VIRTUAL_PREFIX}gate/closed`;

      const from = importer
        ? ` (imported by ${path.relative(process.cwd(), importer.split('?')[0])})`
        : '';
      const [, kind, ...rest] = source.split('/');
      const name = rest.join('/');
      if (kind === 'label' && name.startsWith('c.')) {
        if (!options.labels.has(name.slice(2))) {
          this.error(
            `${source}${from}: no custom label ${name.slice(2)} in ${path.relative(process.cwd(), options.labelsFile)}`
          );
        }
        return `${VIRTUAL_PREFIX}label/${name}`;
      }
      if (kind === 'schema') {
        try {
          schemaReference(name);
        } catch (error) {
          this.error(`${(error as Error).message}${from}`);
        }
        return `${VIRTUAL_PREFIX}schema/${name}`;
      }
      if (kind === 'i18n' && i18nKeys.has(name)) return `${VIRTUAL_PREFIX}i18n/${name}`;
      if (kind === 'user' && (name === 'Id' || name === 'isGuest'))
        return `${VIRTUAL_PREFIX}user/${name}`;
      if (kind === 'apex' || kind === 'apexContinuation') {
        this.error(
          `${source}${from}: Pacer calls no Apex; read with lightning/graphql, write with lightning/uiRecordApi`
        );
      }
      if (options.baseComponentModules.has(source)) return null;
      this.error(`${source}${from} has no preview implementation: add one in preview/platform`);
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      return virtualModuleCode(id.slice(VIRTUAL_PREFIX.length), options);
    }
  };
}
