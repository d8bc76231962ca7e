/**
 * Custom labels: every `@salesforce/label/c.<Name>` that a component imports is defined in a
 * labels file. sfdx-lwc-jest resolves any label name to itself, so only this check (and a deploy)
 * notices a missing one.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FindingCollector } from '../findings';
import type { ProjectIndex } from '../projectIndex';
import { lineAt } from '../xmlDocument';

const LABEL_IMPORT = /@salesforce\/label\/c\.([A-Za-z0-9_]+)/g;
const LABEL_NAME = /<labels>\s*<fullName>([^<]+)<\/fullName>/g;

const isLabelsFile = (file: string): boolean => file.endsWith('.labels-meta.xml');
const isComponentSource = (file: string): boolean =>
  /\/lwc\/[^/]+\/.+\.(js|ts)$/.test(file) && !file.includes('/__tests__/');

/** Reports label imports that name no label, with the importing file and line. */
export async function checkLabels(index: ProjectIndex, collector: FindingCollector): Promise<void> {
  const read = (file: string): Promise<string> =>
    fs.readFile(path.join(index.rootDir, file), 'utf8');
  const defined = new Set<string>();
  for (const file of index.files.filter(isLabelsFile)) {
    for (const match of (await read(file)).matchAll(LABEL_NAME)) defined.add(match[1].trim());
  }
  for (const file of index.files.filter(isComponentSource)) {
    const text = await read(file);
    for (const match of text.matchAll(LABEL_IMPORT)) {
      collector.expect(defined.has(match[1]), {
        rule: 'label/exists',
        file,
        line: lineAt(text, match.index ?? 0),
        element: match[0],
        reason: `custom label ${match[1]} is not defined in any labels file: the deploy and the preview build fail`
      });
    }
  }
}
