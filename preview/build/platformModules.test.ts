import path from 'node:path';
import { rollup, type Plugin } from 'rollup';
import {
  platformModules,
  schemaReference,
  virtualModuleCode,
  PLATFORM_MODULE_FILES
} from './platformModules';
import type { PageComponent } from './pageComponents';

const PLATFORM_DIR = '/project/preview/platform';
const LABELS = new Map([['SPM_Title', 'Performance "review"']]);
const PAGES: PageComponent[] = [
  {
    page: 'reviewTab',
    bundle: 'spmReviewWorkspace',
    tag: 'c-spm-review-workspace',
    source: 'tab',
    exists: true
  },
  {
    page: 'accountRecordPage',
    bundle: 'spmCoachingPanel',
    tag: 'c-spm-coaching-panel',
    source: 'design',
    exists: false
  }
];

function plugin(): Plugin {
  return platformModules({
    platformDir: PLATFORM_DIR,
    labels: LABELS,
    labelsFile: '/project/force-app/main/default/labels/CustomLabels.labels-meta.xml',
    pageComponents: PAGES,
    baseComponentModules: new Set([
      '@salesforce/label/LightningCombobox.placeholder',
      '@salesforce/i18n/number.nan'
    ])
  });
}

/** Bundles `source` as the entry with the plugin and returns the entry's exports. */
async function evaluate(source: string): Promise<Record<string, unknown>> {
  const entry: Plugin = {
    name: 'entry',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? source : null)
  };
  const build = await rollup({ input: 'entry', plugins: [entry, plugin()] });
  const { output } = await build.generate({ format: 'cjs', exports: 'named' });
  const exports: Record<string, unknown> = {};
  new Function('exports', output[0].code)(exports);
  return exports;
}

async function resolve(source: string): Promise<string | null | undefined> {
  const hook = plugin().resolveId as (
    this: unknown,
    source: string,
    importer?: string
  ) => string | null | undefined;
  const context = {
    error(message: string): never {
      throw new Error(message);
    }
  };
  return hook.call(context, source, '/project/force-app/main/default/lwc/spmX/spmX.js');
}

describe('schemaReference', () => {
  it('gives objectApiName and fieldApiName as the platform does, relationships included', () => {
    expect(schemaReference('Account')).toEqual({ objectApiName: 'Account' });
    expect(schemaReference('SPM_Action__c.Due_Date__c')).toEqual({
      objectApiName: 'SPM_Action__c',
      fieldApiName: 'Due_Date__c'
    });
    expect(schemaReference('Opportunity.Account.Name')).toEqual({
      objectApiName: 'Opportunity',
      fieldApiName: 'Account.Name'
    });
  });

  it('rejects what is not a reference', () => {
    expect(() => schemaReference('Account..Name')).toThrow('is not an object or field reference');
  });
});

describe('platformModules', () => {
  it('maps each platform module the components import to its preview implementation', async () => {
    for (const [specifier, file] of Object.entries(PLATFORM_MODULE_FILES)) {
      expect(await resolve(specifier)).toBe(path.join(PLATFORM_DIR, file));
    }
  });

  it('compiles labels and schema imports into their values', async () => {
    const exports = await evaluate(
      "import title from '@salesforce/label/c.SPM_Title';\n" +
        "import due from '@salesforce/schema/SPM_Action__c.Due_Date__c';\n" +
        "import account from '@salesforce/schema/Account';\n" +
        'export { title, due, account };'
    );
    expect(exports.title).toBe('Performance "review"');
    expect(exports.due).toEqual({ objectApiName: 'SPM_Action__c', fieldApiName: 'Due_Date__c' });
    expect(Object.isFrozen(exports.due)).toBe(true);
    expect(exports.account).toEqual({ objectApiName: 'Account' });
  });

  it('fails the build on a label the labels file does not define, naming the label, file and importer', async () => {
    await expect(resolve('@salesforce/label/c.SPM_Missing')).rejects.toThrow(
      /@salesforce\/label\/c\.SPM_Missing \(imported by .*spmX\.js\): no custom label SPM_Missing in .*CustomLabels\.labels-meta\.xml/
    );
  });

  it('refuses Apex and platform modules it has no implementation for', async () => {
    await expect(resolve('@salesforce/apex/Foo.bar')).rejects.toThrow('Pacer calls no Apex');
    await expect(resolve('@salesforce/messageChannel/Foo__c')).rejects.toThrow(
      'has no preview implementation'
    );
  });

  it("leaves lightning-base-components' own modules and other imports to the LWC resolver", async () => {
    expect(await resolve('@salesforce/label/LightningCombobox.placeholder')).toBeNull();
    expect(await resolve('@salesforce/i18n/number.nan')).toBeNull();
    expect(await resolve('c/periods')).toBeNull();
  });

  it('keeps closed the base-component gates synthetic shadow cannot run', async () => {
    expect(await resolve('@salesforce/gate/bc.260.enableComboboxElementInternals')).toBe(
      '\0pacer:gate/closed'
    );
    const exports = await evaluate(
      "import gate from '@salesforce/gate/bc.260.enableComboboxElementInternals';\nexport const open = gate.isOpen({ fallback: true });"
    );
    expect(exports.open).toBe(false);
  });

  it('answers i18n and user modules from the page context', async () => {
    expect(await resolve('@salesforce/i18n/locale')).toBe('\0pacer:i18n/locale');
    expect(await resolve('@salesforce/user/Id')).toBe('\0pacer:user/Id');
    expect(
      virtualModuleCode('i18n/currency', { labels: LABELS, labelsFile: '', pageComponents: PAGES })
    ).toContain('previewContext().i18n["currency"]');
    expect(
      virtualModuleCode('user/Id', { labels: LABELS, labelsFile: '', pageComponents: PAGES })
    ).toContain('previewContext().userId');
  });

  it("exports each page's component when it exists and null when it does not", () => {
    const code = virtualModuleCode('pages', {
      labels: LABELS,
      labelsFile: '',
      pageComponents: PAGES
    });
    expect(code).toContain("export { default as reviewTab } from 'c/spmReviewWorkspace';");
    expect(code).toContain('export const accountRecordPage = null;');
  });
});
