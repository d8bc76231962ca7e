/**
 * Lightning pages and web component bundles: a page places only components that exist and are
 * exposed; every bundle has its definition file. Pages arrive later (components work); the rules
 * apply as soon as they do.
 */
import type { FindingCollector } from '../findings';
import { LWC_META } from '../metadataLayout';
import type { LwcBundle, ProjectIndex } from '../projectIndex';
import { childNodes, childText, childTexts, lineOfElement, type XmlValue } from '../xmlDocument';

/** Whether a bundle is exposed and declares `target` in its js-meta.xml. */
export function componentAcceptsTarget(bundle: LwcBundle, target: string): boolean {
  const doc = bundle.meta?.doc;
  if (!doc || doc.rootName !== 'LightningComponentBundle') return false;
  const targets = childTexts(childNodes(doc.root, 'targets')[0], 'target');
  return childText(doc.root, 'isExposed') === 'true' && targets.includes(target);
}

/** Checks every LWC bundle's definition file and every flexipage's component references. */
export function checkLightningPages(index: ProjectIndex, collector: FindingCollector): void {
  for (const bundle of index.lwc.values()) {
    if (bundle.name.startsWith('__') || bundle.name.startsWith('.')) continue;
    const metaFile = `${bundle.dir}/${bundle.name}${LWC_META.suffix}`;
    if (
      !collector.expect(bundle.meta !== undefined, {
        rule: 'lwc/bundle',
        file: metaFile,
        reason: `component folder lwc/${bundle.name}/ has no ${bundle.name}${LWC_META.suffix}; Salesforce's tooling cannot deploy it`
      })
    ) {
      continue;
    }
    const doc = bundle.meta!.doc;
    if (!doc || doc.rootName !== LWC_META.rootElement) continue;
    const isExposed = childText(doc.root, 'isExposed');
    collector.expect(isExposed === 'true' || isExposed === 'false', {
      rule: 'lwc/bundle',
      file: metaFile,
      line: lineOfElement(doc.text, 'isExposed') ?? lineOfElement(doc.text, LWC_META.rootElement),
      element: '<isExposed>',
      reason: `<isExposed> must be true or false, found "${isExposed ?? ''}"`
    });
  }

  for (const page of index.flexipages.values()) {
    const doc = page.doc;
    if (!doc || doc.rootName !== 'FlexiPage') continue;
    collector.expect(Boolean(childText(doc.root, 'masterLabel')), {
      rule: 'flexipage/label',
      file: page.file,
      element: '<masterLabel>',
      reason: 'missing <masterLabel>'
    });
    collector.expect(Boolean(childText(doc.root, 'type')), {
      rule: 'flexipage/type',
      file: page.file,
      element: '<type>',
      reason: 'missing <type> (RecordPage, AppPage, HomePage, …)'
    });
    for (const componentName of componentNames(doc.root)) {
      if (!componentName.startsWith('c:')) continue; // platform components (flexipage:, force:, …)
      const name = componentName.slice(2);
      const bundle = index.lwc.get(name);
      collector.expect(
        bundle !== undefined && childText(bundle.meta?.doc?.root, 'isExposed') === 'true',
        {
          rule: 'flexipage/component',
          file: page.file,
          line: lineOfElement(doc.text, 'componentName', componentName),
          element: `<componentName>${componentName}`,
          reason:
            bundle === undefined
              ? `component lwc/${name} does not exist`
              : `component ${name} is not exposed (isExposed false)`
        }
      );
    }
  }
}

/** Every `<componentName>` anywhere in the page. */
function componentNames(node: XmlValue | undefined): string[] {
  const out: string[] = [];
  const visit = (value: XmlValue | undefined): void => {
    if (value === undefined || typeof value === 'string') return;
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === 'componentName') out.push(...childTexts(value, key));
      else if (!key.startsWith('@_')) visit(child);
    }
  };
  visit(node);
  return out;
}
