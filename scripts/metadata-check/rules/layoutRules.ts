/**
 * File names and root elements that match the metadata type of their folder.
 */
import type { FindingCollector } from '../findings';
import type { ProjectIndex } from '../projectIndex';
import { childText, lineOfElement, METADATA_NAMESPACE } from '../xmlDocument';

/** Root elements whose documents must carry `<fullName>` (source format keeps it for these). */
const FULL_NAME_REQUIRED: ReadonlySet<string> = new Set(['CustomField', 'ListView']);

/**
 * Reports misnamed or misplaced files, wrong root elements or namespaces, and a `<fullName>` that
 * differs from the file name (the file name decides what deploys; a different fullName means the
 * author meant another component).
 */
export function checkLayout(index: ProjectIndex, collector: FindingCollector): void {
  for (const misplaced of index.misplaced) {
    collector.report({
      rule: 'layout/file-name',
      file: misplaced.file,
      reason: misplaced.reason
    });
  }
  for (const entry of index.typedFiles) {
    const doc = entry.doc;
    if (!doc) continue; // not well-formed: reported once by xml/well-formed
    const rootOk = collector.expect(doc.rootName === entry.rootElement, {
      rule: 'layout/root-element',
      file: entry.file,
      line: lineOfElement(doc.text, doc.rootName),
      element: `<${doc.rootName}>`,
      reason: `the root element must be <${entry.rootElement}> for a file named like this, found <${doc.rootName}>`
    });
    if (!rootOk) continue;
    collector.expect(doc.namespace === METADATA_NAMESPACE, {
      rule: 'layout/namespace',
      file: entry.file,
      line: lineOfElement(doc.text, doc.rootName),
      element: `<${doc.rootName}>`,
      reason: `the root element must declare xmlns="${METADATA_NAMESPACE}"${doc.namespace ? `, found "${doc.namespace}"` : ''}`
    });
    const fullName = childText(doc.root, 'fullName');
    if (fullName === undefined) {
      collector.expect(!FULL_NAME_REQUIRED.has(entry.rootElement), {
        rule: 'layout/full-name',
        file: entry.file,
        element: `<${doc.rootName}>`,
        reason: `missing <fullName>${entry.name}</fullName>`
      });
    } else {
      collector.expect(fullName === entry.name, {
        rule: 'layout/full-name',
        file: entry.file,
        line: lineOfElement(doc.text, 'fullName'),
        element: '<fullName>',
        reason: `<fullName> is "${fullName}" but the file name says "${entry.name}"; rename the file or fix the fullName`
      });
    }
  }
}
