// Reading a file of aggregated contact figures (CSV or XLSX) into checked rows, with a
// Danish message per problem: line, column, what is wrong. See docs/contacts.md.
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { isDay, type Day } from '../../../platform/calendar/index.ts';
import type { Channel, Direction, Kind, Topic } from '../schema.ts';
import { MAX_COUNT } from '../registry.ts';

/** One checked line of the file. */
export interface FigureRow {
  line: number;
  day: Day;
  channel: Channel;
  direction: Direction;
  kind: Kind;
  topic: string;
  department: string;
  count: number;
}

/** A problem in the file; `column` is '' for the file as a whole. Texts are Danish (the staff's language). */
export interface ImportProblem {
  line: number;
  column: string;
  problem: string;
}

type Cell = string | number | Date | null | undefined;

const columnNames = {
  date: ['dato', 'date'],
  channel: ['kanal', 'channel'],
  direction: ['retning', 'direction'],
  kind: ['art', 'type', 'kind'],
  topic: ['emne', 'topic'],
  department: ['forvaltning', 'department'],
  count: ['antal', 'count'],
} as const;
type Column = keyof typeof columnNames;
const requiredColumns: readonly Column[] = ['date', 'channel', 'kind', 'topic', 'count'];

/** A memo for functions of a cell's text: a file repeats the same few values a million times. */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size < 100_000) cache.set(s, v);
    }
    return v as T;
  };
}

const fold = memo((s: string) => s.trim().toLocaleLowerCase('da').replace(/[\s_]+/g, ' '));
const aliases = <T extends string>(map: Record<T, readonly string[]>): Map<string, T> =>
  new Map(Object.entries<readonly string[]>(map).flatMap(([value, names]) => [value, ...names].map((n) => [fold(n), value as T] as const)));

const channelNames = aliases<Channel>({
  self_service: ['selvbetjening'],
  web: ['hjemmeside', 'webbesøg'],
  email: ['e-mail', 'mail'],
  digital_post: ['digital post'],
  sms: [],
  chat: [],
  phone: ['telefon'],
  letter: ['brev', 'post'],
  in_person: ['personlig', 'personligt fremmøde', 'fremmøde', 'in person'],
});
const directionNames = aliases<Direction>({ in: ['ind', 'indgående'], out: ['ud', 'udgående'] });
const kindNames = aliases<Kind>({ information: [], transaction: ['transaktion', 'ansøgning'], own_case: ['egen sag', 'own case'] });

/** The file's kind from its first bytes: an XLSX file is a ZIP archive. */
export function isXlsx(file: Uint8Array): boolean {
  return file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04;
}

/** Lines of a text file, for progress. */
export function countLines(file: Uint8Array): number {
  let n = 0;
  for (let i = file.indexOf(0x0a); i !== -1; i = file.indexOf(0x0a, i + 1)) n++;
  return file.length > 0 && file[file.length - 1] !== 0x0a ? n + 1 : n;
}

/** The first line that is not UTF-8 (e.g. a file saved as Windows-1252), or undefined. */
function firstNonUtf8Line(file: Buffer): number | undefined {
  if (isUtf8(file)) return undefined;
  let line = 1;
  let start = 0;
  while (start < file.length) {
    const end = file.indexOf(0x0a, start);
    const stop = end === -1 ? file.length : end;
    if (!isUtf8(file.subarray(start, stop))) return line;
    line++;
    start = stop + 1;
  }
  return line;
}

async function* csvLines(file: Buffer): AsyncGenerator<{ line: number; cells: Cell[] }> {
  const firstLine = file.subarray(0, Math.max(0, file.indexOf(0x0a))).toString('utf8') || file.toString('utf8');
  // Danish spreadsheets write ';', others ','; the header line tells which.
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const parser = Readable.from([file]).pipe(
    parseCsv({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: info.lines, cells: record };
  }
}

async function* xlsxLines(file: Buffer): AsyncGenerator<{ line: number; cells: Cell[] }> {
  // Loaded when the first workbook is read: exceljs would add half a second to every start.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([file]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'emit' });
  // Only the first sheet holds figures.
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as Cell[];
      yield { line: row.number, cells: values.slice(1).map(cellValue) };
    }
    return;
  }
}

/** Formula cells give their result, rich text its text. */
function cellValue(value: unknown): Cell {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'object' && 'result' in value) return cellValue((value).result);
  if (typeof value === 'object' && 'richText' in value) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String((value).text);
  return typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

function parseDay(cell: Cell): Day | undefined {
  // Excel keeps a date as midnight UTC of that calendar day.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  return parseDayText(String(cell ?? '').trim());
}

const parseDayText = memo((text: string): Day | undefined => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  const day = iso ? text : danish ? `${danish[3]}-${danish[2]!.padStart(2, '0')}-${danish[1]!.padStart(2, '0')}` : undefined;
  return day && isDay(day) ? day : undefined;
});

function parseCount(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell <= MAX_COUNT ? cell : undefined;
  const text = String(cell ?? '').trim();
  // Whole numbers, with or without Danish thousands points: 1234 or 1.234.
  if (!/^(\d+|\d{1,3}(\.\d{3})+)$/.test(text)) return undefined;
  const n = Number(text.replaceAll('.', ''));
  return n <= MAX_COUNT ? n : undefined;
}

const text = (cell: Cell) => (cell instanceof Date ? cell.toISOString() : String(cell ?? '').trim());
const quoted = (s: string) => `»${s.length > 40 ? `${s.slice(0, 40)}…` : s}«`;

/** Lines between turns for the event loop: a million lines must not stall the app node. */
const YIELD_EVERY = 2000;

export interface ReadOptions {
  topics: readonly Topic[];
  /** The municipality's department ids (KANAL_DEPARTMENTS): the only ones a line may name. */
  departments: readonly string[];
  /** Stop collecting problems after this many (the count goes on). */
  maxProblems?: number;
}

export interface ReadResult {
  problems: ImportProblem[];
  problemCount: number;
  rows: number;
  /** The last line read (the header included). */
  lines: number;
}

/**
 * Reads the file and hands each good row to `onRow`; returns every problem found.
 * Rows with a count of 0 are skipped. Rows keep flowing to `onRow` after a problem:
 * the caller decides (the importer rolls back when there is any problem).
 */
export async function readFigures(file: Buffer, options: ReadOptions, onRow: (row: FigureRow) => void | Promise<void>): Promise<ReadResult> {
  const maxProblems = options.maxProblems ?? 100;
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let rows = 0;
  let lines = 0;
  const problem = (line: number, column: string, message: string) => {
    problemCount++;
    if (problems.length < maxProblems) problems.push({ line, column, problem: message });
  };
  const done = () => ({ problems, problemCount, rows, lines });

  if (file.length === 0) {
    problem(1, '', 'Filen er tom.');
    return done();
  }
  const xlsx = isXlsx(file);
  if (!xlsx) {
    const badLine = firstNonUtf8Line(file);
    if (badLine !== undefined) {
      problem(badLine, '', 'Filen er ikke gemt med tegnsættet UTF-8 (æ, ø og å kan ikke læses). Gem den som »CSV UTF-8« og prøv igen.');
      return done();
    }
  }

  const topics = new Map(options.topics.filter((t) => t.active).flatMap((t) => [[t.code, t] as const, [fold(t.name), t] as const]));
  const knownDepartments = new Set<string>(options.departments);
  const departmentList = options.departments.join(', ');
  let header: Map<Column, { index: number; name: string }> | undefined;
  try {
    for await (const { line, cells } of xlsx ? xlsxLines(file) : csvLines(file)) {
      lines = line;
      // Parsing a buffer never waits for I/O: give requests (and progress writes) a turn now and then.
      if (line % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      if (!header) {
        const found = new Map<Column, { index: number; name: string }>();
        cells.forEach((cell, index) => {
          const name = text(cell);
          const column = (Object.keys(columnNames) as Column[]).find((c) => (columnNames[c] as readonly string[]).includes(fold(name)));
          if (column && !found.has(column)) found.set(column, { index, name });
        });
        header = found;
        const missing = requiredColumns.filter((c) => !found.has(c));
        if (missing.length > 0) {
          problem(line, '', `Første linje skal være overskrifterne. Der mangler: ${missing.map((c) => columnNames[c][0]).join(', ')}.`);
          return done();
        }
        continue;
      }
      if (cells.every((c) => text(c) === '')) continue;
      const cell = (c: Column) => {
        const h = header!.get(c);
        return h === undefined ? undefined : cells[h.index];
      };
      const col = (c: Column) => header!.get(c)?.name ?? columnNames[c][0];
      const before = problemCount;

      const day = parseDay(cell('date'));
      if (!day) problem(line, col('date'), `${quoted(text(cell('date')))} er ikke en dato. Skriv fx 2026-11-02 eller 02-11-2026.`);
      const channel = channelNames.get(fold(text(cell('channel'))));
      if (!channel) problem(line, col('channel'), `Ukendt kanal ${quoted(text(cell('channel')))}. Brug fx telefon, personlig, e-mail, brev, selvbetjening eller web.`);
      const directionText = text(cell('direction'));
      const direction = directionText === '' ? 'in' : directionNames.get(fold(directionText));
      if (!direction) problem(line, col('direction'), `Ukendt retning ${quoted(directionText)}. Brug ind eller ud.`);
      const kind = kindNames.get(fold(text(cell('kind'))));
      if (!kind) problem(line, col('kind'), `Ukendt art ${quoted(text(cell('kind')))}. Brug information, transaktion eller egen sag.`);
      const topic = topics.get(text(cell('topic'))) ?? topics.get(fold(text(cell('topic'))));
      if (!topic) problem(line, col('topic'), `Ukendt emne ${quoted(text(cell('topic')))}. Brug en emnekode fra emnelisten.`);
      const departmentText = text(cell('department'));
      if (departmentText !== '' && !knownDepartments.has(departmentText)) {
        problem(line, col('department'), `Ukendt forvaltning ${quoted(departmentText)}. Kommunens forvaltninger er: ${departmentList}.`);
      } else if (departmentText === '' && topic && !knownDepartments.has(topic.department)) {
        problem(line, col('department'), `Emnet ${quoted(topic.code)} hører til forvaltningen ${quoted(topic.department)}, som ikke findes i kommunens opsætning. Skriv en af kommunens forvaltninger (${departmentList}), eller få emnet rettet.`);
      }
      const count = parseCount(cell('count'));
      if (count === undefined) {
        const raw = text(cell('count'));
        problem(line, col('count'), /^-/.test(raw) ? `Antallet ${quoted(raw)} er negativt. Det skal være 0 eller mere.` : `Antallet ${quoted(raw)} er ikke et helt tal.`);
      }
      if (problemCount > before || !day || !channel || !direction || !kind || !topic || count === undefined) continue;
      if (count === 0) continue;
      rows++;
      await onRow({ line, day, channel, direction, kind, topic: topic.code, department: departmentText || topic.department, count });
    }
  } catch (error) {
    problem(0, '', xlsx ? 'Filen kan ikke læses som et Excel-regneark (.xlsx).' : `Filen kan ikke læses som CSV: ${(error as Error).message}`);
    return done();
  }
  if (!header) problem(1, '', 'Filen er tom.');
  else if (rows === 0 && problemCount === 0) problem(1, '', 'Filen har ingen linjer med tal.');
  return done();
}
