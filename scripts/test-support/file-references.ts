/**
 * Finds the file references in the repo's comments and docs and tells which do not resolve. A
 * reference to a file that does not exist is a defect (the developers' guide), so
 * scripts/__tests__/fileReferences.test.ts runs this over every tracked source and doc.
 *
 * What counts as a reference, in the text of comments (TypeScript and JavaScript comments, HTML
 * and CSS comments, `#` lines of config and shell files) and of Markdown outside fenced code:
 * - a Markdown link or image target: `[text](target)`, `[label]: target`;
 * - a backticked path: `` `scripts/lib/kpi-engine.ts` ``, `` `../sample-data/` ``, `` `write.ts` ``;
 * - any Markdown file name: `see CONTRACT.md`, `README.md`;
 * - a path starting with one of the repo's top-level folders: scripts/lib/kpi-engine.ts, docs/;
 * - any path under /tmp (outside the repo, gone with the session that wrote it);
 * - a citation of the design document by section: the word DESIGN in capitals, then a section
 *   sign or the word `section` (that document is not in the repo: cite the docs/ page that holds
 *   the fact).
 * Never a reference: URLs (anything with `://`, `mailto:`), anchors (`#part`), npm package paths
 * (`@scope/x`, or a first segment that is a package in node_modules and no repo entry), LWC
 * module names (`c/x`, `lightning/x`), globs and placeholders (`*`, `<Object>`, `{a,b}`, `…`),
 * words with spaces, and paths .gitignore leaves out of the repo (preview/dist/, artifacts/).
 *
 * A path resolves when it names a tracked file or folder (or a file written since, not ignored),
 * relative to the referring file's folder or to the repo root; a module path without extension
 * may omit `.ts`, `.js` or `/index.*`; a bare file name (no folder) resolves when a file of that
 * name exists anywhere in the repo.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One place in a file where a reference was found. */
export interface Reference {
  file: string;
  line: number;
  /** The reference as written (trimmed of punctuation and anchors). */
  target: string;
  /** Which rule found it. */
  rule: 'link' | 'backticked' | 'markdown-name' | 'top-level-path' | 'tmp' | 'design-section';
}

/** What a reference is resolved against. */
export interface RepoIndex {
  /** Every tracked file and every folder above one, relative to the root, `/`-separated. */
  entries: ReadonlySet<string>;
  /** File names (last segment) of every tracked file. */
  basenames: ReadonlySet<string>;
  /** Top-level folder names of the repo. */
  topLevelDirs: ReadonlySet<string>;
  /** Path prefixes .gitignore keeps out of the repo (`preview/dist/`, `artifacts/`). */
  ignoredPrefixes: readonly string[];
  /** Files .gitignore keeps out of the repo by name (`sample.json`: the README's commands write it). */
  ignoredFiles: ReadonlySet<string>;
  /** Top-level package names in node_modules (`jsforce`, `@salesforce`), for npm paths. */
  packages: ReadonlySet<string>;
}

/** File extensions a bare or backticked name must end with to count as a file reference. */
const FILE_EXTENSIONS = /\.(ts|js|mjs|cjs|md|json|html|css|xml|csv|ya?ml|sh|txt|graphql|gql|svg)$/;
/** A module path may leave these out. */
const MODULE_SUFFIXES = ['', '.ts', '.js', '.d.ts', '/index.ts', '/index.js'];
/** Characters a path is made of. */
const PATH_CHARS = '[\\w@.+~-]';
/** Path-shaped text that is never a repo file. */
const NOT_A_PATH = /[*<>{}$…\s|"'`=?,()[\]]|:\/\/|^(mailto|tel|data):|^[#@~]|^(c|lightning|lwc)\//;

const SOURCE = /\.(ts|js|mjs|cjs)$/;
const MARKUP_COMMENTS = /\.(html|css)$/;
const HASH_COMMENTS = /(^|\/)(\.prettierignore|\.gitignore|\.forceignore|run|[\w-]+\.sh)$/;
/** A section of the design document, which is not in the repo: DESIGN, then a section sign or `section`. */
const DESIGN_SECTION = /(?<![\w-])(DESIGN(?:\.md)?\s+(?:§+\s*|section\s+)[\w.]*)/g;

/** The comment texts of a TypeScript or JavaScript file, each with the line it starts on. */
export function sourceComments(file: string, text: string): Array<{ line: number; text: string }> {
  const kind = /\.ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Set<number>();
  const out: Array<{ line: number; text: string }> = [];
  const collect = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      const line = source.getLineAndCharacterOfPosition(range.pos).line + 1;
      out.push({ line, text: text.slice(range.pos, range.end) });
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.forEachChild(visit);
  };
  collect(ts.getLeadingCommentRanges(text, 0));
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return out.sort((a, b) => a.line - b.line);
}

/** The prose of a Markdown file: fenced code blocks blanked (line numbers kept). */
export function markdownProse(text: string): string {
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return '';
      }
      if (marker) {
        fence = marker;
        return '';
      }
      return line;
    })
    .join('\n');
}

/** Strips what surrounds a path in prose: trailing punctuation, `#anchor`, `:line`. */
function cleanTarget(raw: string): string {
  return raw
    .replace(/[#?].*$/, '')
    .replace(/:\d+(:\d+)?$/, '')
    .replace(/[.,;:!)'"]+$/, '');
}

/**
 * The references in one text (a comment, or a doc's prose), with line numbers counted from
 * `firstLine`. `markdown` turns on the link rule.
 */
export function findReferences(
  text: string,
  options: {
    file: string;
    firstLine?: number;
    markdown?: boolean;
    topLevelDirs: ReadonlySet<string>;
  }
): Reference[] {
  const out: Reference[] = [];
  const lines = text.split('\n');
  const top = [...options.topLevelDirs].map((d) => d.replace(/[.+-]/g, '\\$&')).join('|');
  const topLevel = top
    ? new RegExp(`(?<![\\w@./~-])((?:${top})/(?:${PATH_CHARS}+/?)*)`, 'g')
    : null;
  lines.forEach((lineText, i) => {
    const line = (options.firstLine ?? 1) + i;
    const push = (target: string, rule: Reference['rule']) =>
      out.push({ file: options.file, line, target, rule });
    // Inline code is looked at by the backtick rule only, not by the prose rules.
    const prose = lineText.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    if (options.markdown) {
      for (const m of lineText.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
        push(m[1], 'link');
      const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/.exec(lineText);
      if (definition) push(definition[1], 'link');
    }
    for (const m of lineText.matchAll(/`([^`\n]+)`/g)) {
      const inner = m[1].trim();
      if (inner.includes('/') || FILE_EXTENSIONS.test(inner)) push(inner, 'backticked');
    }
    const withoutUrls = prose.replace(/\b[a-z][\w+.-]*:\/\/\S+/gi, (m) => ' '.repeat(m.length));
    const withoutLinks = options.markdown
      ? withoutUrls.replace(/\]\([^)]*\)/g, (m) => ' '.repeat(m.length))
      : withoutUrls;
    for (const m of withoutLinks.matchAll(/(?<![\w@./~-])([\w.-]+\.md)\b(?![\w/])/g))
      push(m[1], 'markdown-name');
    if (topLevel) for (const m of withoutLinks.matchAll(topLevel)) push(m[1], 'top-level-path');
    for (const m of withoutUrls.matchAll(/(?<![\w.-])(\/tmp\/\S*)/g)) push(m[1], 'tmp');
    // Backticks do not hide it: a section of a missing document is missing in code spans too.
    const unquoted = lineText.replace(/\b[a-z][\w+.-]*:\/\/\S+/gi, ' ').replace(/`/g, ' ');
    for (const m of unquoted.matchAll(DESIGN_SECTION)) push(m[1].trim(), 'design-section');
  });
  return out.map((r) => ({ ...r, target: cleanTarget(r.target) }));
}

/** Whether a reference names something in the repo, or is out of scope (npm, URL, glob, ignored). */
export function resolves(reference: Reference, index: RepoIndex): boolean {
  const { target, rule, file } = reference;
  if (rule === 'tmp' || rule === 'design-section') return false;
  // Absolute paths are API paths (`/services/data/…`) or system files, not repo files.
  if (!target || NOT_A_PATH.test(target) || target.startsWith('/')) return true;
  const fromRoot = path.posix.normalize(target);
  const fromFile = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
  const candidates =
    target.startsWith('./') || target.startsWith('../') ? [fromFile] : [fromFile, fromRoot];
  for (const candidate of candidates) {
    const bare = candidate.replace(/\/$/, '');
    if (bare === '.' || bare === '') return true;
    if (bare.startsWith('../')) continue;
    if (index.ignoredFiles.has(bare) || index.ignoredPrefixes.some((p) => `${bare}/`.startsWith(p)))
      return true;
    if (MODULE_SUFFIXES.some((suffix) => index.entries.has(bare + suffix))) return true;
  }
  if (!target.includes('/')) {
    // A bare name: a file of that name somewhere, or something that is not a file name at all
    // (`.ts` is an extension, `Opportunity` a word).
    if (!FILE_EXTENSIONS.test(target) || /^(\.[\w-]+)+$/.test(target)) return true;
    return index.basenames.has(target);
  }
  if (rule === 'link' || target.startsWith('./') || target.startsWith('../')) return false;
  const first = target.split('/')[0];
  if (index.topLevelDirs.has(first)) return false;
  // Not rooted in the repo: an npm package path, or a folder named relative to the file's own.
  if (index.packages.has(first)) return true;
  const dir = path.posix.dirname(file);
  const rootedHere = index.entries.has(path.posix.join(dir, first));
  return !rootedHere && !FILE_EXTENSIONS.test(target);
}

/** The files to check: tracked and new (not ignored) sources, docs and commented configs. */
export function filesToCheck(root: string): string[] {
  return listFiles(root).filter(
    (f) => SOURCE.test(f) || f.endsWith('.md') || MARKUP_COMMENTS.test(f) || HASH_COMMENTS.test(f)
  );
}

function listFiles(root: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
    .split('\n')
    .filter((f) => f && existsSync(path.join(root, f)));
}

/** The repo's files and folders, top-level folders, ignored prefixes and installed packages. */
export function repoIndex(root: string): RepoIndex {
  const files = listFiles(root);
  const entries = new Set<string>();
  const basenames = new Set<string>();
  const topLevelDirs = new Set<string>();
  for (const file of files) {
    entries.add(file);
    basenames.add(path.posix.basename(file));
    const parts = file.split('/');
    if (parts.length > 1) topLevelDirs.add(parts[0]);
    for (let i = 1; i < parts.length; i++) entries.add(parts.slice(0, i).join('/'));
  }
  const gitignore = existsSync(path.join(root, '.gitignore'))
    ? readFileSync(path.join(root, '.gitignore'), 'utf8')
    : '';
  const ignored = gitignore
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.includes('*'))
    .map((l) => l.replace(/^\//, ''));
  const ignoredPrefixes = ignored.filter((l) => l.endsWith('/'));
  const ignoredFiles = new Set(ignored.filter((l) => !l.endsWith('/')));
  const modules = path.join(root, 'node_modules');
  const packages = new Set<string>(
    existsSync(modules)
      ? execFileSync('ls', ['-1', modules], { encoding: 'utf8' }).split('\n').filter(Boolean)
      : []
  );
  return { entries, basenames, topLevelDirs, ignoredPrefixes, ignoredFiles, packages };
}

/** Every reference in one file's comments or prose. */
export function referencesInFile(
  file: string,
  text: string,
  topLevelDirs: ReadonlySet<string>
): Reference[] {
  if (file.endsWith('.md'))
    return findReferences(markdownProse(text), { file, markdown: true, topLevelDirs });
  const comments = SOURCE.test(file)
    ? sourceComments(file, text)
    : MARKUP_COMMENTS.test(file)
      ? [...text.matchAll(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\//g)].map((m) => ({
          line: text.slice(0, m.index).split('\n').length,
          text: m[0]
        }))
      : text.split('\n').flatMap((l, i) => {
          const comment = /(?:^|\s)#(.*)$/.exec(l);
          return comment ? [{ line: i + 1, text: comment[1] }] : [];
        });
  return comments.flatMap((c) => findReferences(c.text, { file, firstLine: c.line, topLevelDirs }));
}

/** The references of the whole repo that do not resolve, as `file:line: target (rule)`. */
export function brokenReferences(root: string): string[] {
  const index = repoIndex(root);
  const broken: string[] = [];
  for (const file of filesToCheck(root)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const reference of referencesInFile(file, text, index.topLevelDirs))
      if (!resolves(reference, index))
        broken.push(`${file}:${reference.line}: ${reference.target} (${reference.rule})`);
  }
  return broken;
}
