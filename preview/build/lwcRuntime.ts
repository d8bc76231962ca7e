/**
 * The LWC runtime the bundle links: LWC's engine (`@lwc/engine-dom`), synthetic shadow and wire
 * service of the `lwc` package the compiler belongs to. Left to itself, the LWC Rollup plugin
 * takes whatever `@lwc/engine-dom` sits at the top of node_modules, which here is the older one
 * @salesforce/sfdx-lwc-jest brings (8.x): templates compiled by 9.x then fail at runtime.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AliasModuleRecord } from './lwcBundles';

/** The folder of package `name` as Node would find it from `fromDir` (nearest node_modules up). */
export function findPackageDir(name: string, fromDir: string): string {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error(`Cannot find the package ${name} from ${fromDir}`);
  }
}

function packageVersion(dir: string): string {
  return (
    JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/**
 * Module records for `lwc`, `@lwc/synthetic-shadow` and `@lwc/wire-service`, taken from the `lwc`
 * package's own dependencies; throws if their version differs from the compiler's.
 */
export function lwcRuntimeModules(root: string): AliasModuleRecord[] {
  const lwcDir = findPackageDir('lwc', root);
  const compilerVersion = packageVersion(
    findPackageDir('@lwc/compiler', findPackageDir('@lwc/rollup-plugin', root))
  );
  const records: AliasModuleRecord[] = [];
  for (const [pkg, names] of [
    ['@lwc/engine-dom', ['lwc']],
    ['@lwc/synthetic-shadow', ['@lwc/synthetic-shadow']],
    ['@lwc/wire-service', ['@lwc/wire-service', 'wire-service']]
  ] as const) {
    const dir = findPackageDir(pkg, lwcDir);
    const version = packageVersion(dir);
    if (version !== compilerVersion) {
      throw new Error(
        `${pkg} ${version} (${dir}) does not match the LWC compiler ${compilerVersion}: reinstall lwc and @lwc/rollup-plugin at one version`
      );
    }
    for (const name of names) records.push({ name, path: path.join(dir, 'dist', 'index.js') });
  }
  return records;
}
