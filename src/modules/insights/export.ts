// Exports of the dashboard's tables: CSV (one table) and XLSX (every table, one sheet each).
// Plain numbers, stable column keys as headers, and an empty cell where a page shows "—".
import { stringify } from 'csv-stringify/sync';
import type { DataTable } from './tables.ts';

/** CSV with the table's stable column keys as the header; kroner and shares as plain numbers. */
export function tableCsv(table: DataTable): string {
  return stringify([table.columns.map((c) => c.key), ...table.rows.map((r) => r.map((v) => (v === null ? '' : v)))], { delimiter: ';', bom: true });
}

const excelFormats: Record<string, string | undefined> = { int: '#,##0', pct: '0.0%', kr: '#,##0.00', ratio: '0.00' };

export async function tablesXlsx(tables: readonly DataTable[], meta: { title: string; period: string; scope: string; demo: boolean }): Promise<Buffer> {
  // Loaded when the first workbook is made: exceljs would add half a second to every start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Kanal';
  book.title = meta.title;
  const about = book.addWorksheet('Om');
  about.addRows([[meta.title], ['Periode', meta.period], ['Omfang', meta.scope], ...(meta.demo ? [['Demodata', 'Ja — ikke rigtige tal']] : [])]);
  for (const table of tables) {
    const sheet = book.addWorksheet(table.id);
    sheet.addRow([table.title]);
    sheet.addRow(table.columns.map((c) => c.header));
    for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? null : v)));
    table.columns.forEach((c, i) => {
      const fmt = excelFormats[c.format];
      if (fmt) sheet.getColumn(i + 1).numFmt = fmt;
      sheet.getColumn(i + 1).width = Math.max(12, String(c.header).length + 2);
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
