import { describe, it, expect } from 'vitest';
import { DEFAULT_SCALE } from './default-scale.js';
import type { FrameworkDocument, Scale } from './framework-document.js';
import { FRAMEWORK_ROW_COLUMNS, frameworkToRows, rowsToFramework } from './row-mapping.js';

const SCALE: Scale = {
  levels: [
    { value: 1, label: { da: 'Begynder', en: 'Beginner' } },
    { value: 2, label: { da: 'Øvet', en: 'Practised' } },
    { value: 3, label: { da: 'Ekspert', en: 'Expert' } },
  ],
  notApplicable: { label: { da: 'Ved ikke', en: 'Don’t know' } },
};

/** Everything rows can carry: no notes, no level descriptors, no document-level extras. */
const WHEEL: FrameworkDocument = {
  format: 'evne-framework',
  formatVersion: 1,
  key: 'kl-kompetencehjul',
  name: { da: 'KL’s digitale kompetencehjul', en: 'KL digital competence wheel' },
  language: 'da',
  scale: SCALE,
  nodes: [
    {
      code: '1',
      parent: null,
      kind: 'area',
      name: { da: 'Digital forståelse', nb: 'Digital forståelse', en: 'Digital understanding' },
      description: { da: 'Forstå teknologien, også når den er "ny", og dens muligheder.' },
      colour: '#1f6f8b',
      group: 'wheel',
    },
    { code: '1.1', parent: '1', kind: 'subcategory', name: { da: 'Data', en: 'Data' } },
    {
      code: '1.1.1',
      parent: '1.1',
      kind: 'competence',
      name: { da: 'Datasikkerhed', nb: 'Datasikkerhet' },
      description: { en: 'Keeping data safe.', nb: 'Holde data trygge.' },
    },
    {
      code: '1.1.2',
      parent: '1.1',
      kind: 'competence',
      name: { da: 'Databeskyttelse' },
      hidden: true,
    },
    { code: '2', parent: null, kind: 'area', name: { nb: 'Kommunikasjon' }, colour: '#8B1F4A' },
    { code: '2.1', parent: '2', kind: 'competence', name: { en: 'Collaborating online' } },
    {
      code: 'F',
      parent: null,
      kind: 'area',
      name: { da: 'Grundlæggende kompetencer' },
      group: 'foundational',
    },
    { code: 'F.1', parent: 'F', kind: 'competence', name: { da: 'Læse og skrive digitalt' } },
  ],
};

const META = { key: WHEEL.key, name: WHEEL.name, language: 'da', scale: SCALE } as const;

describe('frameworkToRows', () => {
  it('writes the header and one row per node in document order', () => {
    const rows = frameworkToRows(WHEEL);
    expect(rows[0]).toEqual([...FRAMEWORK_ROW_COLUMNS]);
    expect(rows).toHaveLength(WHEEL.nodes.length + 1);
    expect(rows[4]).toEqual([
      '1.1.2',
      '1.1',
      'competence',
      'Databeskyttelse',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'true',
    ]);
    expect(rows[1]?.[9]).toBe('#1f6f8b');
  });

  it('leaves out notes and level descriptors, which rows cannot carry', () => {
    const withExtras: FrameworkDocument = {
      ...WHEEL,
      nodes: WHEEL.nodes.map((node) =>
        node.code === '1.1.1'
          ? { ...node, note: { da: 'Usikker kilde' }, levelDescriptors: { '1': { da: 'Lidt' } } }
          : node,
      ),
    };
    expect(frameworkToRows(withExtras)).toEqual(frameworkToRows(WHEEL));
  });
});

describe('rowsToFramework', () => {
  it('gives back a deep-equal document from its own rows', () => {
    expect(rowsToFramework(frameworkToRows(WHEEL), META)).toEqual({ ok: true, value: WHEEL });
  });

  it('uses the default scale when none is given', () => {
    const result = rowsToFramework(frameworkToRows(WHEEL), { key: 'x-wheel', name: { da: 'X' } });
    expect(result.ok && result.value.scale).toEqual(DEFAULT_SCALE);
  });

  it('accepts loose headers, children before parents and a missing kind column', () => {
    const rows = [
      ['\uFEFF Code ', 'PARENT_CODE', 'Name_En', 'hidden', 'colour'],
      ['1.1', '1', 'Browsing', 'TRUE', '1f6f8b'],
      ['1', '', 'Information literacy', 'false', ''],
      ['1.2.1', '1.2', 'Judging sources', '', ''],
      ['1.2', '1', 'Evaluating', '', ''],
    ];
    const result = rowsToFramework(rows, { key: 'digcomp', name: { en: 'DigComp' } });
    expect(result.ok && result.value.nodes).toEqual([
      {
        code: '1.1',
        parent: '1',
        kind: 'competence',
        name: { en: 'Browsing' },
        hidden: true,
        colour: '#1f6f8b',
      },
      { code: '1', parent: null, kind: 'area', name: { en: 'Information literacy' } },
      { code: '1.2.1', parent: '1.2', kind: 'competence', name: { en: 'Judging sources' } },
      { code: '1.2', parent: '1', kind: 'subcategory', name: { en: 'Evaluating' } },
    ]);
  });

  it('reports a missing required column and an unknown column on the header line', () => {
    const result = rowsToFramework([[], ['code', 'title', 'Colour']], {
      ...META,
      firstLine: 3,
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({ code: 'unknown_column', line: 4, column: 'title' }),
        expect.objectContaining({ code: 'missing_column', line: 4, column: 'parent_code' }),
        expect.objectContaining({ code: 'missing_column', line: 4, column: 'name_da' }),
      ],
    });
  });

  describe('row errors', () => {
    // rows[0] is line 2 of the file (line 1 could be a title), and line 4 is blank.
    const rows = [
      ['code', 'parent_code', 'kind', 'name_da', 'name_en', 'colour', 'group', 'hidden'],
      ['1', '', 'area', 'Forstå', '', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['', '1', 'competence', 'Uden kode', '', '', '', ''],
      ['1.1', '1', 'competence', '', '', '', '', ''],
      ['1.2', '1', 'skill', 'Forkert type', '', '', '', ''],
      ['1.3', '1', 'competence', 'Forkert farve', '', 'blue', '', ''],
      ['1.4', '9', 'competence', 'Ukendt forælder', '', '', '', ''],
      ['1', '', 'area', 'Dublet', '', '', '', ''],
      ['X', 'Y', 'competence', 'Løkke X', '', '', '', ''],
      ['Y', 'X', 'competence', 'Løkke Y', '', '', '', ''],
      ['1.5', '1', 'competence', 'Forkert gruppe', '', '', 'outer', 'maybe'],
      ['1.6', '1', 'competence', 'x'.repeat(4001), 'Too long', '', '', ''],
    ];
    const result = rowsToFramework(rows, { ...META, firstLine: 2 });
    const issues = result.ok ? [] : result.issues;

    it.each([
      ['missing_field', 5, 'code'],
      ['missing_field', 6, 'name_da'],
      ['invalid_value', 7, 'kind'],
      ['invalid_value', 8, 'colour'],
      ['unknown_parent', 9, 'parent_code'],
      ['duplicate_code', 10, 'code'],
      ['cycle', 11, 'parent_code'],
      ['invalid_value', 13, 'group'],
      ['invalid_value', 13, 'hidden'],
      ['invalid_value', 14, 'name_da'],
    ])('reports %s on line %i in column %s', (code, line, column) => {
      expect(issues).toContainEqual(expect.objectContaining({ code, line, column }));
    });

    it('reports every problem once and without a JSON path', () => {
      expect(issues).toHaveLength(10);
      expect(issues.every((issue) => issue.path === undefined)).toBe(true);
    });

    it('names the line of the first use of a duplicated code', () => {
      expect(issues.find((issue) => issue.code === 'duplicate_code')?.message).toContain('line 3');
    });
  });
});
