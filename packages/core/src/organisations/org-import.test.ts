import { describe, expect, it } from 'vitest';
import {
  findCycles,
  planPeopleImport,
  planUnitsImport,
  suggestColumnMapping,
  toTabular,
  type ExistingPerson,
} from './org-import.js';

const csv = (text: string) =>
  toTabular(
    text
      .trim()
      .split('\n')
      .map((line) => line.split(';')),
  );

describe('findCycles', () => {
  it('finds each cycle once, not the chains leading into it, in linear time', () => {
    const next = new Map([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'a'],
      ['e', 'e'],
      ['f', null],
    ]);
    const cycles = findCycles(next.keys(), (key) => next.get(key) ?? null);
    expect(cycles.map((cycle) => [...cycle].sort().join(''))).toEqual(['abc', 'e']);
    const chain = Array.from({ length: 100_000 }, (_, index) => String(index));
    expect(findCycles(chain, (key) => (key === '0' ? null : String(Number(key) - 1)))).toEqual([]);
  });
});

describe('suggestColumnMapping', () => {
  it('recognises Danish, Norwegian and English headers', () => {
    expect(
      suggestColumnMapping('people', [
        'Medarbejdernummer',
        'Navn',
        'E-mail',
        'Afdeling',
        'Nærmeste leder',
        'Stilling',
      ]),
    ).toEqual({
      employeeNumber: 'Medarbejdernummer',
      name: 'Navn',
      email: 'E-mail',
      unitCode: 'Afdeling',
      managerEmployeeNumber: 'Nærmeste leder',
      jobTitle: 'Stilling',
    });
    expect(
      suggestColumnMapping('people', [
        'Ansattnummer',
        'Navn',
        'E-post',
        'Enhet',
        'Stillingstittel',
        'Språk',
      ]),
    ).toMatchObject({
      employeeNumber: 'Ansattnummer',
      email: 'E-post',
      unitCode: 'Enhet',
      jobTitle: 'Stillingstittel',
      locale: 'Språk',
    });
  });
});

describe('planUnitsImport', () => {
  it('reports a unit cycle once, at its first line, and not the units hanging under it', () => {
    const plan = planUnitsImport({
      file: csv('code;name;parent\nA;A;C\nB;B;A\nC;C;B\nD;D;A'),
      mapping: { code: 'code', name: 'name', parentCode: 'parent' },
      existing: [],
      people: new Map(),
      isFullImport: true,
    });
    expect(plan.issues).toEqual([
      expect.objectContaining({ code: 'unit_cycle', line: 2, column: 'parent' }),
    ]);
  });
});

describe('planPeopleImport', () => {
  const existing: ExistingPerson[] = [
    {
      id: 'p1',
      employeeNumber: '1',
      name: 'Ane',
      email: null,
      unitId: 'u1',
      managerId: null,
      jobTitle: 'Leder',
      locale: null,
      isActive: true,
    },
    {
      id: 'p2',
      employeeNumber: '2',
      name: 'Bo',
      email: null,
      unitId: 'u1',
      managerId: 'p1',
      jobTitle: null,
      locale: null,
      isActive: true,
    },
  ];
  const units = new Map([
    ['U1', 'u1'],
    ['U2', 'u2'],
  ]);
  const mapping = {
    employeeNumber: 'nr',
    name: 'navn',
    unitCode: 'enhed',
    managerEmployeeNumber: 'leder',
  };

  it('tells added, changed, moved and deactivated apart', () => {
    const plan = planPeopleImport({
      file: csv('nr;navn;enhed;leder\n1;Ane Berg;U1;\n3;Cy;U2;1'),
      mapping,
      existing,
      units,
      isFullImport: true,
    });
    expect(plan.issues).toEqual([]);
    expect(plan.added.map((change) => change.employeeNumber)).toEqual(['3']);
    expect(plan.changed).toEqual([
      expect.objectContaining({ employeeNumber: '1', fields: { name: ['Ane', 'Ane Berg'] } }),
    ]);
    expect(plan.deactivated.map((change) => change.employeeNumber)).toEqual(['2']);
  });

  it('finds a manager cycle that runs through people already stored (partial import)', () => {
    const plan = planPeopleImport({
      file: csv('nr;navn;enhed;leder\n1;Ane;U1;2'),
      mapping,
      existing,
      units,
      isFullImport: false,
    });
    expect(plan.issues).toEqual([
      expect.objectContaining({ code: 'manager_cycle', line: 2, column: 'leder' }),
    ]);
  });

  it('refuses someone as their own manager', () => {
    const plan = planPeopleImport({
      file: csv('nr;navn;enhed;leder\n5;Eva;U1;5'),
      mapping,
      existing,
      units,
      isFullImport: false,
    });
    expect(plan.issues.map((issue) => issue.code)).toEqual(['manager_cycle']);
  });
});

describe('planUnitsImport with leaders', () => {
  it('shows a changed leader by employee number, not by internal id', () => {
    const plan = planUnitsImport({
      file: csv('code;name;leader\nA;A;200'),
      mapping: { code: 'code', name: 'name', managerEmployeeNumber: 'leader' },
      existing: [
        { id: 'u1', code: 'A', name: 'A', parentId: null, managerPersonId: 'p100', isActive: true },
      ],
      people: new Map([
        ['100', 'p100'],
        ['200', 'p200'],
      ]),
      isFullImport: false,
    });
    expect(plan.changed).toEqual([
      expect.objectContaining({ code: 'A', fields: { manager: ['100', '200'] } }),
    ]);
  });
});
