import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from './default-scale.js';
import {
  canonicalFrameworkDocument,
  lineAndColumn,
  parseFrameworkJson,
  validateFrameworkDocument,
  type FrameworkDocument,
} from './framework-document.js';

const base: FrameworkDocument = {
  format: 'evne-framework',
  formatVersion: 1,
  key: 'sample',
  name: { da: 'Eksempel', en: 'Sample' },
  scale: DEFAULT_SCALE,
  nodes: [
    { code: 'A', parent: null, kind: 'area', name: { da: 'A' } },
    { code: 'A.1', parent: 'A', kind: 'competence', name: { da: 'A1' } },
  ],
};

function codes(input: unknown): string[] {
  const result = validateFrameworkDocument(input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.code} ${issue.path ?? ''}`);
}

describe('validateFrameworkDocument', () => {
  it('accepts a well-formed document', () => {
    expect(validateFrameworkDocument(base).ok).toBe(true);
  });

  it.each([
    [
      'an unknown parent',
      {
        ...base,
        nodes: [...base.nodes, { code: 'B.1', parent: 'B', kind: 'competence', name: { da: 'x' } }],
      },
      'unknown_parent $.nodes[2].parent',
    ],
    [
      'a duplicate code',
      {
        ...base,
        nodes: [...base.nodes, { code: 'A', parent: null, kind: 'area', name: { da: 'x' } }],
      },
      'duplicate_code $.nodes[2].code',
    ],
    [
      'a missing name',
      { ...base, nodes: [{ code: 'A', parent: null, kind: 'area' }] },
      'missing_field $.nodes[0].name',
    ],
    [
      'a name of the wrong type',
      { ...base, nodes: [{ code: 'A', parent: null, kind: 'area', name: 'A' }] },
      'invalid_value $.nodes[0].name',
    ],
    [
      'a scale with one level',
      { ...base, scale: { ...DEFAULT_SCALE, levels: DEFAULT_SCALE.levels.slice(0, 1) } },
      'empty_scale $.scale.levels',
    ],
    [
      'levels out of order',
      { ...base, scale: { ...DEFAULT_SCALE, levels: [...DEFAULT_SCALE.levels].reverse() } },
      'level_out_of_order $.scale.levels[1].value',
    ],
    [
      'a descriptor for a level not on the scale',
      {
        ...base,
        nodes: [base.nodes[0], { ...base.nodes[1], levelDescriptors: { '9': { da: 'x' } } }],
      },
      'unknown_level $.nodes[1].levelDescriptors.9',
    ],
  ])('reports %s with its JSON path', (_label, input, expected) => {
    expect(codes(input)).toContain(expected);
  });

  it('reports a cycle once', () => {
    const input = {
      ...base,
      nodes: [
        { code: 'X', parent: 'Z', kind: 'area', name: { da: 'x' } },
        { code: 'Y', parent: 'X', kind: 'area', name: { da: 'y' } },
        { code: 'Z', parent: 'Y', kind: 'area', name: { da: 'z' } },
      ],
    };
    expect(codes(input).filter((code) => code.startsWith('cycle'))).toHaveLength(1);
  });

  it('lists tree problems even when the schema also fails', () => {
    const input = {
      ...base,
      nodes: [
        { code: 'A', parent: null, kind: 'area' },
        { code: 'A', parent: 'Q', kind: 'area', name: { da: 'x' } },
      ],
    };
    expect(codes(input)).toEqual(
      expect.arrayContaining([
        'missing_field $.nodes[0].name',
        'duplicate_code $.nodes[1].code',
        'unknown_parent $.nodes[1].parent',
      ]),
    );
  });
});

describe('parseFrameworkJson', () => {
  it('points at the line and column of a syntax error', () => {
    const result = parseFrameworkJson('{\n  "a": 1,\n  oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({ code: 'invalid_json', line: 3 });
    }
  });

  it('ignores a byte order mark', () => {
    expect(parseFrameworkJson(`\ufeff${JSON.stringify(base)}`).ok).toBe(true);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('canonicalFrameworkDocument', () => {
  it('orders nodes depth-first and drops default values', () => {
    const document: FrameworkDocument = {
      ...base,
      nodes: [
        { code: 'A', parent: null, kind: 'area', name: { da: 'A' }, hidden: false, group: 'wheel' },
        { code: 'B', parent: null, kind: 'area', name: { da: 'B' } },
        { code: 'A.1', parent: 'A', kind: 'competence', name: { da: 'A1' }, levelDescriptors: {} },
      ],
    };
    const canonical = canonicalFrameworkDocument(document);
    expect(canonical.nodes.map((node) => node.code)).toEqual(['A', 'A.1', 'B']);
    expect(canonical.nodes[0]).toEqual({
      code: 'A',
      parent: null,
      kind: 'area',
      name: { da: 'A' },
    });
    expect(canonical.nodes[1]).not.toHaveProperty('levelDescriptors');
  });
});
