/**
 * Reading metadata XML: well-formedness with line numbers, a plain-object view of the document,
 * and helpers to find the line of an element (fast-xml-parser does not keep positions).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The namespace every Metadata API document must declare on its root element. */
export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** An element as parsed: text, or an object of child elements / `@_`-prefixed attributes. */
export type XmlNode = string | { [key: string]: XmlValue };
export type XmlValue = XmlNode | XmlNode[];

/** A parsed metadata document. */
export interface MetadataXml {
  /** Name of the root element, e.g. `CustomField`. */
  rootName: string;
  /** The root element's content. */
  root: { [key: string]: XmlValue };
  /** The `xmlns` of the root element, if any. */
  namespace?: string;
  /** The raw text, kept to locate elements by line. */
  text: string;
}

/** Why a document is not well-formed, with its position. */
export interface XmlSyntaxError {
  line: number;
  column: number;
  message: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep every value as written: "0" and "true" stay strings, so rules compare exactly what deploys.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false
});

/**
 * Parses a metadata document.
 * @returns the document, or the first syntax error (position as the validator reports it).
 */
export function parseMetadataXml(
  text: string
): { ok: true; doc: MetadataXml } | { ok: false; error: XmlSyntaxError } {
  const validation = XMLValidator.validate(text, {
    allowBooleanAttributes: false
  });
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    return { ok: false, error: { line, column: col, message: msg } };
  }
  const parsed = parser.parse(text) as Record<string, XmlValue>;
  const rootNames = Object.keys(parsed).filter(
    (key) => !key.startsWith('?') && !key.startsWith('#')
  );
  if (rootNames.length !== 1) {
    return {
      ok: false,
      error: {
        line: 1,
        column: 1,
        message: `expected exactly one root element, found ${rootNames.length}`
      }
    };
  }
  const rootName = rootNames[0];
  const rootValue = parsed[rootName];
  const root = typeof rootValue === 'object' && !Array.isArray(rootValue) ? rootValue : {};
  const namespace = typeof root['@_xmlns'] === 'string' ? root['@_xmlns'] : undefined;
  return { ok: true, doc: { rootName, root, namespace, text } };
}

/** Every occurrence of a child element, as an array (a single child is not wrapped by the parser). */
export function childNodes(node: XmlValue | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element (`<a>text</a>`, or `#text` next to attributes); undefined when absent. */
export function nodeText(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  const text = node['#text'];
  return typeof text === 'string' ? text : Object.keys(node).length === 0 ? '' : undefined;
}

/** The text of the first child element `name`; undefined when there is none. */
export function childText(node: XmlValue | undefined, name: string): string | undefined {
  return nodeText(childNodes(node, name)[0]);
}

/** The texts of every child element `name`. */
export function childTexts(node: XmlValue | undefined, name: string): string[] {
  return childNodes(node, name)
    .map((child) => nodeText(child))
    .filter((text): text is string => text !== undefined);
}

/**
 * 1-based line of the first `<element …>` in the text, optionally the first whose text is `value`;
 * undefined when not found.
 */
export function lineOfElement(text: string, element: string, value?: string): number | undefined {
  const pattern =
    value === undefined
      ? new RegExp(`<${escapeRegExp(element)}[\\s>/]`)
      : new RegExp(
          `<${escapeRegExp(element)}>\\s*${escapeRegExp(escapeXmlText(value))}\\s*</${escapeRegExp(element)}>`
        );
  const match = pattern.exec(text);
  return match ? lineAt(text, match.index) : undefined;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) line += 1;
  }
  return line;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeXmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
