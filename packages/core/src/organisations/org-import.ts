import { z } from 'zod';
import type { Issue } from '../errors.js';
import { LocaleSchema, type Locale } from '../i18n.js';

/** What an organisation import file describes: the unit tree, or the people. */
export const ImportKindSchema = z.enum(['units', 'people']);
export type ImportKind = z.infer<typeof ImportKindSchema>;

export const UNIT_FIELDS = ['code', 'name', 'parentCode', 'managerEmployeeNumber'] as const;
export const PEOPLE_FIELDS = [
  'employeeNumber',
  'name',
  'email',
  'unitCode',
  'managerEmployeeNumber',
  'jobTitle',
  'locale',
] as const;
export type UnitField = (typeof UNIT_FIELDS)[number];
export type PeopleField = (typeof PEOPLE_FIELDS)[number];

export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  units: ['code', 'name'],
  people: ['employeeNumber', 'name'],
};

/** Which column of the file holds each field: field name -> header text. */
export const ColumnMappingSchema = z.record(z.string(), z.string().min(1).max(200));
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

const HEADER_SYNONYMS: Record<string, readonly string[]> = {
  code: [
    'code',
    'unit code',
    'unit id',
    'enhedskode',
    'enhed id',
    'enheds id',
    'afdelingskode',
    'enhetskode',
    'enhet id',
    'org code',
    'orgkode',
  ],
  name: [
    'name',
    'full name',
    'navn',
    'fulde navn',
    'fullt navn',
    'unit name',
    'enhedsnavn',
    'enhetsnavn',
    'afdelingsnavn',
  ],
  parentCode: [
    'parent',
    'parent code',
    'parent unit',
    'overordnet',
    'overordnet enhed',
    'overordnet enhet',
    'forælder',
    'moderenhed',
    'overliggende enhed',
  ],
  managerEmployeeNumber: [
    'manager',
    'manager id',
    'manager number',
    'manager employee number',
    'leder',
    'leders medarbejdernummer',
    'ledernummer',
    'leder id',
    'nærmeste leder',
    'nærmeste leders ansattnummer',
    'leders ansattnummer',
  ],
  employeeNumber: [
    'employee number',
    'employee id',
    'employee no',
    'medarbejdernummer',
    'medarbejdernr',
    'medarbejder id',
    'lønnummer',
    'tjenestenummer',
    'ansattnummer',
    'ansattnr',
    'ansatt id',
    'personalnummer',
  ],
  email: [
    'email',
    'e-mail',
    'mail',
    'e-post',
    'epost',
    'email address',
    'e-mailadresse',
    'e-postadresse',
  ],
  unitCode: [
    'unit',
    'unit code',
    'department',
    'enhed',
    'enhedskode',
    'afdeling',
    'afdelingskode',
    'enhet',
    'enhetskode',
    'avdeling',
    'org unit',
  ],
  jobTitle: [
    'job title',
    'title',
    'position',
    'stilling',
    'stillingsbetegnelse',
    'jobtitel',
    'stillingstittel',
    'funktion',
  ],
  locale: ['language', 'locale', 'sprog', 'språk', 'sprogvalg'],
};

function normaliseHeader(header: string): string {
  return header
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[_.]+/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Guesses which column holds each field from common Danish, Norwegian and English headers. */
export function suggestColumnMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const fields: readonly string[] = kind === 'units' ? UNIT_FIELDS : PEOPLE_FIELDS;
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const field of fields) {
    const synonyms = [field.toLowerCase(), ...(HEADER_SYNONYMS[field] ?? [])];
    const match = headers.find(
      (header) => !used.has(header) && synonyms.includes(normaliseHeader(header)),
    );
    if (match !== undefined) {
      mapping[field] = match;
      used.add(match);
    }
  }
  return mapping;
}

/** Checks that a mapping names every required field and only columns the file has. */
export function checkColumnMapping(
  kind: ImportKind,
  headers: readonly string[],
  mapping: ColumnMapping,
): Issue[] {
  const issues: Issue[] = [];
  const fields: readonly string[] = kind === 'units' ? UNIT_FIELDS : PEOPLE_FIELDS;
  for (const field of REQUIRED_FIELDS[kind]) {
    if (mapping[field] === undefined) {
      issues.push({
        code: 'mapping_missing_field',
        message: `Choose the column that holds "${field}"`,
        path: `mapping.${field}`,
        params: { field },
      });
    }
  }
  for (const [field, header] of Object.entries(mapping)) {
    if (!fields.includes(field)) {
      issues.push({
        code: 'mapping_unknown_field',
        message: `Unknown field "${field}"`,
        path: `mapping.${field}`,
      });
    } else if (!headers.includes(header)) {
      issues.push({
        code: 'mapping_unknown_column',
        message: `The file has no column "${header}"`,
        path: `mapping.${field}`,
        params: { field, column: header },
      });
    }
  }
  return issues;
}

/** A parsed file: its header row and data rows, with the file line of each data row. */
export interface TabularFile {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/** Splits raw rows into header and data rows, skipping blank lines but keeping line numbers. */
export function toTabular(rows: readonly (readonly string[])[], firstLine = 1): TabularFile {
  const numbered = rows.map((cells, index) => ({
    line: firstLine + index,
    cells: cells.map((cell) => cell.trim()),
  }));
  const nonBlank = numbered.filter((row) => row.cells.some((cell) => cell !== ''));
  const [header, ...data] = nonBlank;
  return {
    headers: (header?.cells ?? []).map((cell) => cell.replace(/^\ufeff/, '')),
    rows: data,
  };
}

function cellOf(
  file: TabularFile,
  row: { cells: string[] },
  mapping: ColumnMapping,
  field: string,
): string {
  const header = mapping[field];
  if (header === undefined) {
    return '';
  }
  const index = file.headers.indexOf(header);
  return index < 0 ? '' : (row.cells[index] ?? '').trim();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The cycles among keys that each point to at most one other key (a unit's parent, a person's
 * manager). Every key is walked once, so a 50,000-person file is checked in linear time.
 */
export function findCycles(
  keys: Iterable<string>,
  next: (key: string) => string | null,
): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: string[][] = [];
  for (const start of keys) {
    const path: string[] = [];
    let cursor: string | null = start;
    while (cursor !== null && !state.has(cursor)) {
      state.set(cursor, 'walking');
      path.push(cursor);
      cursor = next(cursor);
    }
    if (cursor !== null && state.get(cursor) === 'walking') {
      cycles.push(path.slice(path.indexOf(cursor)));
    }
    for (const key of path) {
      state.set(key, 'done');
    }
  }
  return cycles;
}

function earliest(keys: readonly string[], lines: ReadonlyMap<string, number>): string {
  return keys.reduce((a, b) => ((lines.get(a) ?? Infinity) <= (lines.get(b) ?? Infinity) ? a : b));
}

/** One issue per cycle, at the line of its earliest member in the file. */
function cycleIssues(
  lines: ReadonlyMap<string, number>,
  next: (key: string) => string | null,
  issue: { code: string; what: string; column: string; param: string },
): Issue[] {
  return findCycles(lines.keys(), next).map((cycle) => {
    const first = earliest(cycle, lines);
    return {
      code: issue.code,
      message: `${issue.what} go round in a circle: ${describeCycle(cycle)}`,
      line: lines.get(first) ?? 0,
      column: issue.column,
      params: { [issue.param]: first, length: cycle.length },
    };
  });
}

function describeCycle(cycle: readonly string[]): string {
  const shown = cycle.length > 6 ? [...cycle.slice(0, 6), '…'] : cycle;
  return [...shown, cycle[0]].join(' → ');
}

// ---------------------------------------------------------------- units

export interface ExistingUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  managerPersonId: string | null;
  isActive: boolean;
}

export interface UnitRecordPlan {
  code: string;
  name: string;
  parentCode: string | null;
  managerEmployeeNumber: string | null;
  line: number;
}

export interface UnitChange {
  code: string;
  name: string;
  line?: number;
  /** What differs, for a changed unit: field -> [before, after]. */
  fields?: Record<string, [string | null, string | null]>;
}

export interface UnitsImportPlan {
  kind: 'units';
  mapping: ColumnMapping;
  issues: Issue[];
  rowCount: number;
  records: UnitRecordPlan[];
  added: UnitChange[];
  changed: UnitChange[];
  moved: UnitChange[];
  deactivated: UnitChange[];
  reactivated: UnitChange[];
  unchanged: number;
}

/**
 * Compares a unit file with the stored tree: what would be added, renamed, moved (new parent),
 * deactivated (a full import leaves a unit out) or reactivated, and every problem with its line
 * and column. Pure: the caller applies the plan.
 */
export function planUnitsImport(input: {
  file: TabularFile;
  mapping: ColumnMapping;
  existing: readonly ExistingUnit[];
  /** Employee number -> person id, to resolve unit managers. */
  people: ReadonlyMap<string, string>;
  isFullImport: boolean;
}): UnitsImportPlan {
  const { file, mapping } = input;
  const issues: Issue[] = [];
  const column = (field: string) => mapping[field] ?? field;
  const records: UnitRecordPlan[] = [];
  const seen = new Map<string, number>();
  for (const row of input.file.rows) {
    const code = cellOf(file, row, mapping, 'code');
    const name = cellOf(file, row, mapping, 'name');
    const parentCode = cellOf(file, row, mapping, 'parentCode');
    const manager = cellOf(file, row, mapping, 'managerEmployeeNumber');
    let isValid = true;
    if (code === '') {
      issues.push({
        code: 'missing_unit_code',
        message: 'The unit code is missing',
        line: row.line,
        column: column('code'),
      });
      isValid = false;
    } else if (seen.has(code)) {
      issues.push({
        code: 'duplicate_unit_code',
        message: `Unit "${code}" appears twice (also on line ${seen.get(code)})`,
        line: row.line,
        column: column('code'),
        params: { code, firstLine: seen.get(code) ?? 0 },
      });
      isValid = false;
    }
    if (name === '') {
      issues.push({
        code: 'missing_name',
        message: 'The unit name is missing',
        line: row.line,
        column: column('name'),
      });
      isValid = false;
    }
    if (manager !== '' && !input.people.has(manager)) {
      issues.push({
        code: 'unknown_manager',
        message: `No person with employee number "${manager}"`,
        line: row.line,
        column: column('managerEmployeeNumber'),
        params: { employeeNumber: manager },
      });
    }
    if (code !== '' && !seen.has(code)) {
      seen.set(code, row.line);
    }
    if (isValid) {
      records.push({
        code,
        name,
        parentCode: parentCode === '' ? null : parentCode,
        managerEmployeeNumber: manager === '' ? null : manager,
        line: row.line,
      });
    }
  }

  const existingByCode = new Map(input.existing.map((unit) => [unit.code, unit]));
  const existingById = new Map(input.existing.map((unit) => [unit.id, unit]));
  const inFile = new Map(records.map((record) => [record.code, record]));
  // The parent a unit ends up with: from the file, else (partial import) the stored one.
  const parentAfter = (code: string): string | null => {
    const record = inFile.get(code);
    if (record) {
      return record.parentCode;
    }
    const stored = existingByCode.get(code);
    return stored?.parentId ? (existingById.get(stored.parentId)?.code ?? null) : null;
  };
  for (const record of records) {
    if (
      record.parentCode !== null &&
      !inFile.has(record.parentCode) &&
      (input.isFullImport || !existingByCode.has(record.parentCode))
    ) {
      issues.push({
        code: 'unknown_parent_unit',
        message: `Parent unit "${record.parentCode}" is neither in the file nor in the organisation`,
        line: record.line,
        column: column('parentCode'),
        params: { code: record.parentCode },
      });
    }
  }
  issues.push(
    ...cycleIssues(new Map(records.map((record) => [record.code, record.line])), parentAfter, {
      code: 'unit_cycle',
      what: 'Units',
      column: column('parentCode'),
      param: 'code',
    }),
  );

  const plan: UnitsImportPlan = {
    kind: 'units',
    mapping,
    issues,
    rowCount: file.rows.length,
    records,
    added: [],
    changed: [],
    moved: [],
    deactivated: [],
    reactivated: [],
    unchanged: 0,
  };
  const numberById = new Map([...input.people].map(([number, id]) => [id, number]));
  for (const record of records) {
    const stored = existingByCode.get(record.code);
    if (!stored) {
      plan.added.push({ code: record.code, name: record.name, line: record.line });
      continue;
    }
    const storedParent = stored.parentId ? (existingById.get(stored.parentId)?.code ?? null) : null;
    const managerId =
      record.managerEmployeeNumber === null
        ? null
        : (input.people.get(record.managerEmployeeNumber) ?? null);
    const fields: Record<string, [string | null, string | null]> = {};
    if (stored.name !== record.name) {
      fields.name = [stored.name, record.name];
    }
    if (mapping.managerEmployeeNumber !== undefined && stored.managerPersonId !== managerId) {
      const storedNumber =
        stored.managerPersonId === null ? null : (numberById.get(stored.managerPersonId) ?? null);
      fields.manager = [storedNumber, record.managerEmployeeNumber];
    }
    let isTouched = false;
    if (!stored.isActive) {
      plan.reactivated.push({ code: record.code, name: record.name, line: record.line });
      isTouched = true;
    }
    if (storedParent !== record.parentCode) {
      plan.moved.push({
        code: record.code,
        name: record.name,
        line: record.line,
        fields: { parent: [storedParent, record.parentCode] },
      });
      isTouched = true;
    }
    if (Object.keys(fields).length > 0) {
      plan.changed.push({ code: record.code, name: record.name, line: record.line, fields });
      isTouched = true;
    }
    if (!isTouched) {
      plan.unchanged += 1;
    }
  }
  if (input.isFullImport) {
    for (const unit of input.existing) {
      if (unit.isActive && !inFile.has(unit.code) && !seen.has(unit.code)) {
        plan.deactivated.push({ code: unit.code, name: unit.name });
      }
    }
  }
  return plan;
}

// ---------------------------------------------------------------- people

export interface ExistingPerson {
  id: string;
  employeeNumber: string;
  name: string;
  email: string | null;
  unitId: string | null;
  managerId: string | null;
  jobTitle: string | null;
  locale: string | null;
  isActive: boolean;
}

export interface PersonRecordPlan {
  employeeNumber: string;
  name: string;
  email: string | null;
  unitCode: string | null;
  managerEmployeeNumber: string | null;
  jobTitle: string | null;
  locale: Locale | null;
  line: number;
}

export interface PersonChange {
  employeeNumber: string;
  name: string;
  line?: number;
  fields?: Record<string, [string | null, string | null]>;
}

export interface PeopleImportPlan {
  kind: 'people';
  mapping: ColumnMapping;
  issues: Issue[];
  rowCount: number;
  records: PersonRecordPlan[];
  added: PersonChange[];
  changed: PersonChange[];
  moved: PersonChange[];
  deactivated: PersonChange[];
  reactivated: PersonChange[];
  unchanged: number;
}

const LOCALE_ALIASES: Record<string, Locale> = {
  da: 'da',
  dansk: 'da',
  danish: 'da',
  'da-dk': 'da',
  nb: 'nb',
  no: 'nb',
  norsk: 'nb',
  bokmål: 'nb',
  'nb-no': 'nb',
  norwegian: 'nb',
  en: 'en',
  engelsk: 'en',
  english: 'en',
  'en-gb': 'en',
  'en-us': 'en',
};

/**
 * Compares a people file with the stored people: added, changed (name, email, job title,
 * manager, language), moved (another unit), deactivated (left out of a full import; never
 * deleted) or reactivated, and every problem with its line and column: missing or duplicate
 * employee number, missing name, bad email, unknown unit, unknown manager, manager cycle.
 */
export function planPeopleImport(input: {
  file: TabularFile;
  mapping: ColumnMapping;
  existing: readonly ExistingPerson[];
  /** Unit code -> unit id (active units of the organisation). */
  units: ReadonlyMap<string, string>;
  isFullImport: boolean;
}): PeopleImportPlan {
  const { file, mapping } = input;
  const issues: Issue[] = [];
  const column = (field: string) => mapping[field] ?? field;
  const records: PersonRecordPlan[] = [];
  const seen = new Map<string, number>();
  const has = (field: string) => mapping[field] !== undefined;

  for (const row of file.rows) {
    const employeeNumber = cellOf(file, row, mapping, 'employeeNumber');
    const name = cellOf(file, row, mapping, 'name');
    const email = cellOf(file, row, mapping, 'email');
    const unitCode = cellOf(file, row, mapping, 'unitCode');
    const manager = cellOf(file, row, mapping, 'managerEmployeeNumber');
    const jobTitle = cellOf(file, row, mapping, 'jobTitle');
    const localeText = cellOf(file, row, mapping, 'locale').toLowerCase();
    let isValid = true;
    if (employeeNumber === '') {
      issues.push({
        code: 'missing_employee_number',
        message: 'The employee number is missing',
        line: row.line,
        column: column('employeeNumber'),
      });
      isValid = false;
    } else if (seen.has(employeeNumber)) {
      issues.push({
        code: 'duplicate_employee_number',
        message: `Employee number "${employeeNumber}" appears twice (also on line ${seen.get(employeeNumber)})`,
        line: row.line,
        column: column('employeeNumber'),
        params: { employeeNumber, firstLine: seen.get(employeeNumber) ?? 0 },
      });
      isValid = false;
    } else {
      seen.set(employeeNumber, row.line);
    }
    if (name === '') {
      issues.push({
        code: 'missing_name',
        message: 'The name is missing',
        line: row.line,
        column: column('name'),
      });
      isValid = false;
    }
    if (email !== '' && !EMAIL.test(email)) {
      issues.push({
        code: 'invalid_email',
        message: `"${email}" is not an email address`,
        line: row.line,
        column: column('email'),
        params: { email },
      });
      isValid = false;
    }
    if (unitCode !== '' && !input.units.has(unitCode)) {
      issues.push({
        code: 'unknown_unit',
        message: `No unit with code "${unitCode}"`,
        line: row.line,
        column: column('unitCode'),
        params: { code: unitCode },
      });
      isValid = false;
    }
    let locale: Locale | null = null;
    if (localeText !== '') {
      const parsed = LocaleSchema.safeParse(LOCALE_ALIASES[localeText]);
      if (parsed.success) {
        locale = parsed.data;
      } else {
        issues.push({
          code: 'invalid_locale',
          message: `Unknown language "${localeText}" (use da, nb or en)`,
          line: row.line,
          column: column('locale'),
        });
        isValid = false;
      }
    }
    if (isValid) {
      records.push({
        employeeNumber,
        name,
        email: email === '' ? null : email.toLowerCase(),
        unitCode: unitCode === '' ? null : unitCode,
        managerEmployeeNumber: manager === '' ? null : manager,
        jobTitle: jobTitle === '' ? null : jobTitle,
        locale,
        line: row.line,
      });
    }
  }

  const existingByNumber = new Map(input.existing.map((person) => [person.employeeNumber, person]));
  const existingById = new Map(input.existing.map((person) => [person.id, person]));
  const inFile = new Map(records.map((record) => [record.employeeNumber, record]));
  // Who can be someone's manager after the import: people in the file, plus (partial import)
  // the active people already stored.
  const managerAfter = (employeeNumber: string): string | null => {
    const record = inFile.get(employeeNumber);
    if (record) {
      return record.managerEmployeeNumber;
    }
    const stored = existingByNumber.get(employeeNumber);
    return stored?.managerId ? (existingById.get(stored.managerId)?.employeeNumber ?? null) : null;
  };
  const isKnownAfter = (employeeNumber: string) =>
    inFile.has(employeeNumber) ||
    (!input.isFullImport && existingByNumber.get(employeeNumber)?.isActive === true);
  for (const record of records) {
    if (record.managerEmployeeNumber === null) {
      continue;
    }
    if (
      record.managerEmployeeNumber !== record.employeeNumber &&
      !isKnownAfter(record.managerEmployeeNumber) &&
      !seen.has(record.managerEmployeeNumber)
    ) {
      issues.push({
        code: 'unknown_manager',
        message: `No person with employee number "${record.managerEmployeeNumber}"`,
        line: record.line,
        column: column('managerEmployeeNumber'),
        params: { employeeNumber: record.managerEmployeeNumber },
      });
    }
  }
  issues.push(
    ...cycleIssues(
      new Map(records.map((record) => [record.employeeNumber, record.line])),
      managerAfter,
      {
        code: 'manager_cycle',
        what: 'Managers',
        column: column('managerEmployeeNumber'),
        param: 'employeeNumber',
      },
    ),
  );

  const plan: PeopleImportPlan = {
    kind: 'people',
    mapping,
    issues,
    rowCount: file.rows.length,
    records,
    added: [],
    changed: [],
    moved: [],
    deactivated: [],
    reactivated: [],
    unchanged: 0,
  };
  const unitCodeById = new Map([...input.units].map(([code, id]) => [id, code]));
  for (const record of records) {
    const stored = existingByNumber.get(record.employeeNumber);
    if (!stored) {
      plan.added.push({
        employeeNumber: record.employeeNumber,
        name: record.name,
        line: record.line,
      });
      continue;
    }
    const fields: Record<string, [string | null, string | null]> = {};
    if (stored.name !== record.name) {
      fields.name = [stored.name, record.name];
    }
    if (has('email') && stored.email !== record.email) {
      fields.email = [stored.email, record.email];
    }
    if (has('jobTitle') && stored.jobTitle !== record.jobTitle) {
      fields.jobTitle = [stored.jobTitle, record.jobTitle];
    }
    if (has('locale') && stored.locale !== record.locale) {
      fields.locale = [stored.locale, record.locale];
    }
    if (has('managerEmployeeNumber')) {
      const storedManager = stored.managerId
        ? (existingById.get(stored.managerId)?.employeeNumber ?? null)
        : null;
      if (storedManager !== record.managerEmployeeNumber) {
        fields.manager = [storedManager, record.managerEmployeeNumber];
      }
    }
    let isTouched = false;
    if (!stored.isActive) {
      plan.reactivated.push({
        employeeNumber: record.employeeNumber,
        name: record.name,
        line: record.line,
      });
      isTouched = true;
    }
    if (has('unitCode')) {
      const unitId = record.unitCode === null ? null : (input.units.get(record.unitCode) ?? null);
      if (stored.unitId !== unitId) {
        const storedCode =
          stored.unitId === null ? null : (unitCodeById.get(stored.unitId) ?? null);
        plan.moved.push({
          employeeNumber: record.employeeNumber,
          name: record.name,
          line: record.line,
          fields: { unit: [storedCode, record.unitCode] },
        });
        isTouched = true;
      }
    }
    if (Object.keys(fields).length > 0) {
      plan.changed.push({
        employeeNumber: record.employeeNumber,
        name: record.name,
        line: record.line,
        fields,
      });
      isTouched = true;
    }
    if (!isTouched) {
      plan.unchanged += 1;
    }
  }
  if (input.isFullImport) {
    for (const person of input.existing) {
      if (person.isActive && !seen.has(person.employeeNumber)) {
        plan.deactivated.push({ employeeNumber: person.employeeNumber, name: person.name });
      }
    }
  }
  return plan;
}

/** True when applying the plan would change nothing. */
export function isEmptyPlan(plan: UnitsImportPlan | PeopleImportPlan): boolean {
  return (
    plan.added.length +
      plan.changed.length +
      plan.moved.length +
      plan.deactivated.length +
      plan.reactivated.length ===
    0
  );
}
