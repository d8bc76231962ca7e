/**
 * Custom labels for `@salesforce/label/c.*` imports, read from the project's
 * `CustomLabels.labels-meta.xml` at build time, as the platform resolves them at deploy time.
 */
import fs from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Parses a CustomLabels metadata document into `fullName → value`. `file` names it in errors. */
export function parseCustomLabels(
  xml: string,
  file = 'CustomLabels.labels-meta.xml'
): Map<string, string> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`${file}:${valid.err.line}:${valid.err.col}: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'labels'
  });
  const doc = parser.parse(xml) as { CustomLabels?: { labels?: Array<Record<string, unknown>> } };
  if (!doc.CustomLabels) {
    throw new Error(`${file}: the root element is not <CustomLabels>`);
  }
  const labels = new Map<string, string>();
  (doc.CustomLabels.labels ?? []).forEach((label, index) => {
    const fullName = typeof label.fullName === 'string' ? label.fullName.trim() : '';
    if (!fullName) throw new Error(`${file}: labels[${index}] has no <fullName>`);
    if (labels.has(fullName)) throw new Error(`${file}: label ${fullName} is defined twice`);
    const value = label.value;
    labels.set(fullName, typeof value === 'string' ? value : value == null ? '' : String(value));
  });
  return labels;
}

/** Reads the labels file; a project without one has no labels. */
export function loadCustomLabels(file: string): Map<string, string> {
  if (!fs.existsSync(file)) return new Map();
  return parseCustomLabels(fs.readFileSync(file, 'utf8'), file);
}
