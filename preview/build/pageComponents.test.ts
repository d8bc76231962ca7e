import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bundleTag,
  flexipageComponents,
  resolvePageComponents,
  tabLwcComponent
} from './pageComponents';
import type { LwcBundle } from './lwcBundles';

const bundle = (name: string): LwcBundle => ({
  name,
  specifier: `c/${name}`,
  entry: `/x/${name}.js`,
  hasTemplate: true
});

const ACCOUNT_PAGE = `<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">
  <flexiPageRegions><itemInstances><componentInstance>
    <componentName>force:highlightsPanel</componentName>
  </componentInstance></itemInstances>
  <itemInstances><componentInstance>
    <componentName>c:spmAccountCoaching</componentName>
  </componentInstance></itemInstances></flexiPageRegions>
  <sobjectType>Account</sobjectType>
  <type>RecordPage</type>
</FlexiPage>`;

describe('bundleTag', () => {
  it('turns a bundle name into its custom element tag', () => {
    expect(bundleTag('spmReviewWorkspace')).toBe('c-spm-review-workspace');
  });
});

describe('tabLwcComponent and flexipageComponents', () => {
  it('reads the component of a Lightning component tab', () => {
    expect(
      tabLwcComponent('<CustomTab><lwcComponent>spmReviewWorkspace</lwcComponent></CustomTab>')
    ).toBe('spmReviewWorkspace');
    expect(tabLwcComponent('<CustomTab><url>x</url></CustomTab>')).toBeUndefined();
  });

  it("lists the c: components of an object's record page only", () => {
    expect(flexipageComponents(ACCOUNT_PAGE, 'Account')).toEqual(['spmAccountCoaching']);
    expect(flexipageComponents(ACCOUNT_PAGE, 'Opportunity')).toEqual([]);
    expect(flexipageComponents(ACCOUNT_PAGE.replace('RecordPage', 'AppPage'), 'Account')).toEqual(
      []
    );
  });
});

describe('resolvePageComponents', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-meta-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true }));

  it('uses the design names, not built yet, when there is no metadata and no bundle', () => {
    const pages = resolvePageComponents(dir, []);
    expect(pages.map(({ page, bundle: name, exists }) => ({ page, name, exists }))).toEqual([
      { page: 'reviewTab', name: 'spmReviewWorkspace', exists: false },
      { page: 'accountRecordPage', name: 'spmCoachingPanel', exists: false }
    ]);
  });

  it('follows the tab and the Account flexipage, and sees which bundles exist', () => {
    fs.mkdirSync(path.join(dir, 'tabs'));
    fs.writeFileSync(
      path.join(dir, 'tabs', 'Performance_Review.tab-meta.xml'),
      '<CustomTab><lwcComponent>spmTabX</lwcComponent></CustomTab>'
    );
    fs.mkdirSync(path.join(dir, 'flexipages'));
    fs.writeFileSync(
      path.join(dir, 'flexipages', 'Account_Record_Page.flexipage-meta.xml'),
      ACCOUNT_PAGE
    );
    const pages = resolvePageComponents(dir, [bundle('spmTabX')]);
    expect(pages[0]).toMatchObject({
      bundle: 'spmTabX',
      tag: 'c-spm-tab-x',
      exists: true,
      source: 'tabs/Performance_Review.tab-meta.xml'
    });
    expect(pages[1]).toMatchObject({
      bundle: 'spmAccountCoaching',
      exists: false,
      source: 'flexipages/Account_Record_Page.flexipage-meta.xml'
    });
  });
});
