/**
 * The project's LWC bundles and the module records that let Rollup resolve `c/<bundle>`.
 * The SFDX layout (`lwc/<bundle>/<bundle>.js`, no namespace folder) fits no LWC directory record,
 * so every bundle gets an alias record of its own.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One LWC bundle: a component or a service module. */
export interface LwcBundle {
  /** Folder name, e.g. `spmReviewWorkspace`. */
  name: string;
  /** Import specifier, e.g. `c/spmReviewWorkspace`. */
  specifier: string;
  /** Absolute path of the bundle's JavaScript entry. */
  entry: string;
  /** Whether the bundle has a template (a component rather than a service module). */
  hasTemplate: boolean;
}

/** An `@lwc/module-resolver` alias record. */
export interface AliasModuleRecord {
  name: string;
  path: string;
}

/** Lists the bundles of an LWC folder, sorted by name; folders without `<name>.js` are skipped. */
export function listLwcBundles(lwcDir: string): LwcBundle[] {
  if (!fs.existsSync(lwcDir)) return [];
  return fs
    .readdirSync(lwcDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('__')
    )
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const entry = ['js', 'ts']
        .map((ext) => path.join(lwcDir, name, `${name}.${ext}`))
        .find((file) => fs.existsSync(file));
      if (!entry) return [];
      const hasTemplate =
        fs.existsSync(path.join(lwcDir, name, `${name}.html`)) ||
        fs.existsSync(path.join(lwcDir, name, 'templates'));
      return [{ name, specifier: `c/${name}`, entry, hasTemplate }];
    });
}

/** One alias record per bundle: `{ name: 'c/<bundle>', path: '<abs entry>' }`. */
export function aliasModuleRecords(bundles: readonly LwcBundle[]): AliasModuleRecord[] {
  return bundles.map((bundle) => ({ name: bundle.specifier, path: bundle.entry }));
}
