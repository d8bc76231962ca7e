/**
 * Lightning apps: label, navigation, form factors, and tabs and page overrides that exist.
 */
import type { FindingCollector, FindingInput } from '../findings';
import type { MetadataFile, ProjectIndex } from '../projectIndex';
import { childNodes, childText, childTexts, lineOfElement } from '../xmlDocument';

const NAV_TYPES: ReadonlySet<string> = new Set(['Standard', 'Console']);
const FORM_FACTORS: ReadonlySet<string> = new Set(['Small', 'Medium', 'Large']);
const OVERRIDE_ELEMENTS = ['actionOverrides', 'profileActionOverrides'];

/** Checks every custom application. */
export function checkApplications(index: ProjectIndex, collector: FindingCollector): void {
  for (const app of index.applications.values()) {
    if (app.doc?.rootName === 'CustomApplication') checkApplication(index, app, collector);
  }
}

function checkApplication(
  index: ProjectIndex,
  app: MetadataFile,
  collector: FindingCollector
): void {
  const doc = app.doc!;
  const at = (
    element: string,
    value: string | undefined,
    reason: string,
    rule: string
  ): FindingInput => ({
    rule,
    file: app.file,
    line:
      lineOfElement(doc.text, element, value) ??
      lineOfElement(doc.text, element) ??
      lineOfElement(doc.text, 'CustomApplication'),
    element: `<${element}>${value ?? ''}`,
    reason
  });

  collector.expect(
    Boolean(childText(doc.root, 'label')),
    at('label', undefined, 'missing <label>', 'app/label')
  );
  const navType = childText(doc.root, 'navType');
  if (navType !== undefined) {
    collector.expect(
      NAV_TYPES.has(navType),
      at('navType', navType, `<navType> must be Standard or Console`, 'app/navigation')
    );
    collector.expect(
      childText(doc.root, 'uiType') === 'Lightning',
      at(
        'uiType',
        undefined,
        'an app with <navType> is a Lightning app: <uiType>Lightning</uiType>',
        'app/navigation'
      )
    );
  }
  for (const formFactor of childTexts(doc.root, 'formFactors')) {
    collector.expect(
      FORM_FACTORS.has(formFactor),
      at(
        'formFactors',
        formFactor,
        `form factor "${formFactor}" must be Small, Medium or Large`,
        'app/form-factor'
      )
    );
  }

  const seen = new Set<string>();
  for (const tab of childTexts(doc.root, 'tabs')) {
    collector.expect(!seen.has(tab), at('tabs', tab, `tab ${tab} is listed twice`, 'app/tab'));
    seen.add(tab);
    collector.expect(
      tab.startsWith('standard-') || index.tabs.has(tab),
      at(
        'tabs',
        tab,
        `tab ${tab} is not defined in this project (tabs/${tab}.tab-meta.xml)`,
        'app/tab'
      )
    );
  }

  for (const element of OVERRIDE_ELEMENTS) {
    for (const override of childNodes(doc.root, element)) {
      if (childText(override, 'type') !== 'Flexipage') continue;
      const page = childText(override, 'content');
      collector.expect(
        page !== undefined && index.flexipages.has(page),
        at(
          'content',
          page,
          `${element} assigns flexipage ${page ?? '(none)'}, which is not defined in this project`,
          'app/page-override'
        )
      );
    }
  }
  const utilityBar = childText(doc.root, 'utilityBar');
  if (utilityBar !== undefined) {
    collector.expect(
      index.flexipages.has(utilityBar),
      at(
        'utilityBar',
        utilityBar,
        `utility bar flexipage ${utilityBar} is not defined in this project`,
        'app/page-override'
      )
    );
  }
}
