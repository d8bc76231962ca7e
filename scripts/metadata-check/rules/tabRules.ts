/**
 * Tabs: exactly one target, a motif, and a target that exists (object, flexipage or component).
 */
import type { FindingCollector, FindingInput } from '../findings';
import type { MetadataFile, ProjectIndex } from '../projectIndex';
import { childText, lineOfElement } from '../xmlDocument';
import { componentAcceptsTarget } from './lightningPageRules';

/** Elements that say what a tab shows; a tab has exactly one. */
const TAB_TARGETS = [
  'customObject',
  'lwcComponent',
  'flexiPage',
  'auraComponent',
  'page',
  'scontrol',
  'url'
] as const;
/** `Custom<N>: <Name>` as in the standard tab style list (Custom1 to Custom100). */
const MOTIF_PATTERN = /^Custom([1-9]\d?|100): \S.*$/;
/** The LWC target a component needs to be shown in a Lightning component tab. */
const TAB_TARGET = 'lightning__Tab';

/** Checks every tab. */
export function checkTabs(index: ProjectIndex, collector: FindingCollector): void {
  for (const tab of index.tabs.values()) {
    if (tab.doc?.rootName === 'CustomTab') checkTab(index, tab, collector);
  }
}

function checkTab(index: ProjectIndex, tab: MetadataFile, collector: FindingCollector): void {
  const doc = tab.doc!;
  const text = (element: string): string | undefined => childText(doc.root, element);
  const at = (
    element: string,
    reason: string,
    rule: string,
    severity?: 'warning'
  ): FindingInput => ({
    rule,
    file: tab.file,
    line: lineOfElement(doc.text, element) ?? lineOfElement(doc.text, 'CustomTab'),
    element: `<${element}>`,
    reason,
    severity
  });

  const targets = TAB_TARGETS.filter((element) =>
    element === 'customObject' ? text(element) === 'true' : Boolean(text(element))
  );
  if (
    !collector.expect(
      targets.length === 1,
      at(
        'CustomTab',
        `a tab needs exactly one of ${TAB_TARGETS.join(', ')}; found ${targets.length === 0 ? 'none' : targets.join(', ')}`,
        'tab/target'
      )
    )
  ) {
    return;
  }
  const motif = text('motif');
  collector.expect(
    motif !== undefined && MOTIF_PATTERN.test(motif),
    at(
      'motif',
      `<motif> must be a standard tab style such as "Custom18: Form", found "${motif ?? ''}"`,
      'tab/motif'
    )
  );

  const target = targets[0];
  if (target === 'customObject') {
    const object = index.objects.get(tab.name);
    collector.expect(
      tab.name.endsWith('__c') && object?.definition !== undefined,
      at(
        'customObject',
        `a custom object tab is named after its object; ${tab.name} is not an object defined in this project`,
        'tab/object'
      )
    );
    return;
  }
  collector.expect(
    Boolean(text('label')),
    at('label', `a ${target} tab needs <label>`, 'tab/label')
  );
  if (target === 'lwcComponent') {
    const name = text('lwcComponent')!.replace(/^c:/, '');
    const bundle = index.lwc.get(name);
    // The component may land after the tab (another change): a warning, so the gap stays visible.
    const present = collector.expect(
      bundle !== undefined,
      at(
        'lwcComponent',
        `component lwc/${name} does not exist yet: the deploy fails until it does`,
        'tab/component',
        'warning'
      )
    );
    if (present) {
      collector.expect(
        componentAcceptsTarget(bundle!, TAB_TARGET),
        at(
          'lwcComponent',
          `component ${name} must be exposed (isExposed true) with target ${TAB_TARGET} to be shown in a tab`,
          'tab/component'
        )
      );
    }
  } else if (target === 'flexiPage') {
    const page = text('flexiPage')!;
    collector.expect(
      index.flexipages.has(page),
      at('flexiPage', `flexipage ${page} is not defined in this project`, 'tab/flexipage')
    );
  }
}
