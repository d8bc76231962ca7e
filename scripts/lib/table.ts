/**
 * Plain-text tables for terminal summaries, and the two other output formats the commands share
 * (Markdown tables and CSV).
 */

/** A cell: text or a number (numbers are right-aligned). */
export type Cell = string | number | null | undefined;

function text(cell: Cell): string {
  return cell === null || cell === undefined ? '' : String(cell);
}

/** A fixed-width table with a header rule; numbers right-aligned. */
export function renderTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => text(row[column]).length))
  );
  const line = (cells: readonly Cell[]): string =>
    cells
      .map((cell, column) =>
        typeof cell === 'number'
          ? text(cell).padStart(widths[column])
          : text(cell).padEnd(widths[column])
      )
      .join('  ')
      .trimEnd();
  return (
    [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') +
    '\n'
  );
}

/** A GitHub-flavoured Markdown table (pipes in cells escaped). */
export function renderMarkdownTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>
): string {
  const escape = (cell: Cell): string => text(cell).replace(/\|/g, '\\|');
  const align = (column: number): string =>
    rows.some((row) => typeof row[column] === 'number') ? '---:' : '---';
  return (
    [
      `| ${headers.map(escape).join(' | ')} |`,
      `| ${headers.map((_, column) => align(column)).join(' | ')} |`,
      ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)
    ].join('\n') + '\n'
  );
}

/** RFC 4180 CSV with a header row. */
export function renderCsv(
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>
): string {
  const escape = (cell: Cell): string => {
    const value = text(cell);
    return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return [headers, ...rows].map((row) => row.map(escape).join(',')).join('\n') + '\n';
}
