/**
 * Every XML file under the package must be well-formed. Salesforce's converter auto-closes an
 * unclosed tag and carries on; the deploy would then fail, or worse, succeed with
 * different content.
 */
import type { FindingCollector } from '../findings';
import type { ProjectIndex } from '../projectIndex';

/** Reports every XML file that is not well-formed, with the validator's line and reason. */
export function checkWellFormedXml(index: ProjectIndex, collector: FindingCollector): void {
  for (const file of index.files) {
    if (!file.endsWith('.xml')) continue;
    const error = index.malformed.get(file);
    collector.expect(error === undefined, () => ({
      rule: 'xml/well-formed',
      file,
      line: error?.line,
      reason: `XML is not well-formed: ${error?.message} (line ${error?.line}, column ${error?.column})`
    }));
  }
}
