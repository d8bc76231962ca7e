/**
 * Which project component each preview page renders. The metadata says it where it can (the
 * Performance Review tab's `lwcComponent`, the Account record page's flexipage); otherwise the
 * names fixed by the design are used. A page whose component does not exist yet shows a
 * "component not built yet" card instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LwcBundle } from './lwcBundles';

/** The preview's pages that host a project component. */
export type HostPage = 'reviewTab' | 'accountRecordPage';

/** What a page renders: the bundle's name and whether it exists in the project. */
export interface PageComponent {
  page: HostPage;
  /** LWC bundle name, e.g. `spmReviewWorkspace`. */
  bundle: string;
  /** Tag the page shows in messages, e.g. `c-spm-review-workspace`. */
  tag: string;
  /** Where the name came from, for the "not built yet" message. */
  source: string;
  exists: boolean;
}

/** The tab that hosts the review workspace (`tabs/<name>.tab-meta.xml`). */
export const REVIEW_TAB_API_NAME = 'Performance_Review';
const DEFAULT_REVIEW_COMPONENT = 'spmReviewWorkspace';
const DEFAULT_ACCOUNT_COMPONENT = 'spmCoachingPanel';

/** `spmReviewWorkspace` → `c-spm-review-workspace`. */
export function bundleTag(bundle: string): string {
  return `c-${bundle.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The `lwcComponent` of a CustomTab document, if it has one. */
export function tabLwcComponent(xml: string): string | undefined {
  return /<lwcComponent>\s*([A-Za-z0-9_]+)\s*<\/lwcComponent>/.exec(xml)?.[1];
}

/** The `c:` components placed on a FlexiPage document that is the record page of `sobjectType`. */
export function flexipageComponents(xml: string, sobjectType: string): string[] {
  const isRecordPage = /<type>\s*RecordPage\s*<\/type>/.test(xml);
  const objectMatch = /<sobjectType>\s*([A-Za-z0-9_]+)\s*<\/sobjectType>/.exec(xml);
  if (!isRecordPage || objectMatch?.[1] !== sobjectType) return [];
  return [...xml.matchAll(/<componentName>\s*c:([A-Za-z0-9_]+)\s*<\/componentName>/g)].map(
    (m) => m[1]
  );
}

/** Resolves the component of each host page against the project's metadata and bundles. */
export function resolvePageComponents(
  metadataDir: string,
  bundles: readonly LwcBundle[]
): PageComponent[] {
  const names = new Set(bundles.map((bundle) => bundle.name));
  const make = (page: HostPage, bundle: string, source: string): PageComponent => ({
    page,
    bundle,
    tag: bundleTag(bundle),
    source,
    exists: names.has(bundle)
  });

  const tabFile = path.join(metadataDir, 'tabs', `${REVIEW_TAB_API_NAME}.tab-meta.xml`);
  const fromTab = fs.existsSync(tabFile)
    ? tabLwcComponent(fs.readFileSync(tabFile, 'utf8'))
    : undefined;
  const review = fromTab
    ? make('reviewTab', fromTab, `tabs/${REVIEW_TAB_API_NAME}.tab-meta.xml`)
    : make('reviewTab', DEFAULT_REVIEW_COMPONENT, 'the design (no tab metadata yet)');

  const flexipagesDir = path.join(metadataDir, 'flexipages');
  let account = make(
    'accountRecordPage',
    DEFAULT_ACCOUNT_COMPONENT,
    'the design (no Account record page yet)'
  );
  if (fs.existsSync(flexipagesDir)) {
    for (const file of fs
      .readdirSync(flexipagesDir)
      .filter((f) => f.endsWith('.flexipage-meta.xml'))
      .sort()) {
      const placed = flexipageComponents(
        fs.readFileSync(path.join(flexipagesDir, file), 'utf8'),
        'Account'
      );
      // The page's first project component that exists is the one the preview hosts.
      const chosen = placed.find((name) => names.has(name)) ?? placed[0];
      if (chosen) {
        account = make('accountRecordPage', chosen, `flexipages/${file}`);
        break;
      }
    }
  }
  return [review, account];
}
