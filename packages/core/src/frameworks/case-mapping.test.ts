import { describe, it, expect } from 'vitest';
import {
  CasePackageSchema,
  caseToFramework,
  frameworkToCase,
  type FrameworkToCaseOptions,
} from './case-mapping.js';
import { DEFAULT_SCALE } from './default-scale.js';
import { validateFrameworkDocument, type FrameworkDocument } from './framework-document.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** 32-bit FNV-1a as eight hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A deterministic name-based UUID (version 5 layout, RFC 4122 variant) for tests. */
function identifierFor(key: string): string {
  const hex = [0, 1, 2, 3].map((round) => fnv1a(`${round}:kl-test:${key}`)).join('');
  const variant = '89ab'.charAt(parseInt(hex.charAt(16), 16) % 4);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

const OPTIONS: FrameworkToCaseOptions = {
  baseUri: 'https://evne.example/ims/case/v1p1/',
  now: '2025-03-14T09:30:00Z',
  identifierFor,
};

const KL_EXCERPT: FrameworkDocument = {
  format: 'evne-framework',
  formatVersion: 1,
  key: 'kl-kompetencehjul',
  name: {
    da: 'KL’s digitale kompetencehjul',
    nb: 'KLs digitale kompetansehjul',
    en: 'KL digital competence wheel',
  },
  description: {
    da: 'Et uddrag til test af CASE-eksporten.',
    en: 'An excerpt for testing the CASE export.',
  },
  publisher: 'KL – Kommunernes Landsforening',
  versionLabel: '2023',
  language: 'da',
  licence: 'Used with permission',
  sources: [{ title: 'KL: Digitale kompetencer', url: 'https://www.kl.dk/', note: 'Uddrag' }],
  completeness: { expected: { area: 2, competence: 4 }, note: { en: 'Only part of the wheel.' } },
  scale: DEFAULT_SCALE,
  nodes: [
    {
      code: '1',
      parent: null,
      kind: 'area',
      name: { da: 'Digital forståelse', nb: 'Digital forståelse', en: 'Digital understanding' },
      description: { da: 'Forstå teknologien og dens muligheder.', en: 'Understand technology.' },
      colour: '#1f6f8b',
      group: 'wheel',
    },
    {
      code: '1.1',
      parent: '1',
      kind: 'subcategory',
      name: { da: 'Data', nb: 'Data', en: 'Data' },
    },
    {
      code: '1.1.1',
      parent: '1.1',
      kind: 'competence',
      name: { da: 'Datasikkerhed', nb: 'Datasikkerhet', en: 'Data security' },
      levelDescriptors: {
        '1': { da: 'Kender reglerne overfladisk.', en: 'Knows the rules on the surface.' },
        '5': { da: 'Rådgiver om datasikkerhed.' },
      },
    },
    {
      code: '1.1.2',
      parent: '1.1',
      kind: 'competence',
      name: { da: 'Databeskyttelse', en: 'Data protection' },
      hidden: true,
      note: { da: 'Kilden nævner kompetencen, men beskriver den ikke.' },
    },
    {
      code: '2',
      parent: null,
      kind: 'area',
      name: { da: 'Digital kommunikation', nb: 'Digital kommunikasjon' },
      colour: '#8b1f4a',
    },
    {
      code: '2.1',
      parent: '2',
      kind: 'competence',
      name: { da: 'Samarbejde online', en: 'Collaborating online' },
      description: { nb: 'Samarbeide i digitale verktøy.' },
    },
    {
      code: 'F',
      parent: null,
      kind: 'area',
      name: { da: 'Grundlæggende kompetencer', en: 'Foundational competences' },
      group: 'foundational',
    },
    {
      code: 'F.1',
      parent: 'F',
      kind: 'competence',
      name: { da: 'Læse og skrive digitalt', en: 'Reading and writing digitally' },
    },
  ],
};

function collectIdentifiers(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const entry of value) {
      collectIdentifiers(entry, out);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      if (key === 'identifier' && typeof entry === 'string') {
        out.push(entry);
      } else if (key !== 'extensions') {
        collectIdentifiers(entry, out);
      }
    }
  }
  return out;
}

describe('frameworkToCase', () => {
  const casePackage = frameworkToCase(KL_EXCERPT, OPTIONS);

  it('gives every object and link an identifier that matches the CASE UUID pattern', () => {
    const identifiers = collectIdentifiers(casePackage);
    expect(identifiers.length).toBeGreaterThan(20);
    for (const identifier of identifiers) {
      expect(identifier).toMatch(UUID_PATTERN);
    }
  });

  it('produces a package the CASE schema accepts', () => {
    expect(CasePackageSchema.safeParse(casePackage).success).toBe(true);
  });

  it('describes the document in its primary language with Evne metadata', () => {
    const document = casePackage.CFDocument;
    expect(document).toMatchObject({
      title: 'KL’s digitale kompetencehjul',
      creator: 'KL – Kommunernes Landsforening',
      publisher: 'KL – Kommunernes Landsforening',
      description: 'Et uddrag til test af CASE-eksporten.',
      language: 'da',
      version: '2023',
      caseVersion: '1.1',
      frameworkType: 'digital-competence',
      lastChangeDateTime: OPTIONS.now,
      uri: `https://evne.example/ims/case/v1p1/CFDocuments/${identifierFor('document')}`,
    });
    expect(document.licenseURI).toBeUndefined();
  });

  it('turns each node into an item with its code, type and primary-language texts', () => {
    const items = casePackage.CFItems ?? [];
    expect(items.map((item) => item.humanCodingScheme)).toEqual(
      KL_EXCERPT.nodes.map((node) => node.code),
    );
    expect(items[0]).toMatchObject({
      identifier: identifierFor('node:1'),
      fullStatement: 'Digital forståelse',
      notes: 'Forstå teknologien og dens muligheder.',
      CFItemType: 'Kompetenceområde',
      CFItemTypeURI: { identifier: identifierFor('item-type:area'), title: 'Kompetenceområde' },
      language: 'da',
      lastChangeDateTime: OPTIONS.now,
    });
    expect(items[1]?.CFItemType).toBe('Underkategori');
    expect(items[2]?.CFItemType).toBe('Kompetence');
    // No Danish description: notes fall back to Norwegian.
    expect(items[5]?.notes).toBe('Samarbeide i digitale verktøy.');
  });

  it('expresses the hierarchy as isChildOf with 1-based sibling order', () => {
    const documentId = casePackage.CFDocument.identifier;
    const edges = (casePackage.CFAssociations ?? []).map((association) => [
      association.associationType,
      association.originNodeURI.identifier,
      association.destinationNodeURI.identifier,
      association.sequenceNumber,
    ]);
    expect(edges).toEqual([
      ['isChildOf', identifierFor('node:1'), documentId, 1],
      ['isChildOf', identifierFor('node:1.1'), identifierFor('node:1'), 1],
      ['isChildOf', identifierFor('node:1.1.1'), identifierFor('node:1.1'), 1],
      ['isChildOf', identifierFor('node:1.1.2'), identifierFor('node:1.1'), 2],
      ['isChildOf', identifierFor('node:2'), documentId, 2],
      ['isChildOf', identifierFor('node:2.1'), identifierFor('node:2'), 1],
      ['isChildOf', identifierFor('node:F'), documentId, 3],
      ['isChildOf', identifierFor('node:F.1'), identifierFor('node:F'), 1],
    ]);
  });

  it('writes the scale as a rubric criterion without an item and the descriptors per competence', () => {
    const [rubric] = casePackage.CFRubrics ?? [];
    const [scale, competence, ...rest] = rubric?.CFRubricCriteria ?? [];
    expect(rest).toEqual([]);
    expect(scale?.CFItemURI).toBeUndefined();
    expect(
      scale?.CFRubricCriterionLevels?.map((level) => [
        level.position,
        level.score,
        level.quality,
        level.description,
      ]),
    ).toEqual(
      DEFAULT_SCALE.levels.map((level) => [
        level.value,
        level.value,
        level.label.da,
        level.descriptor?.da,
      ]),
    );
    expect(competence?.CFItemURI?.identifier).toBe(identifierFor('node:1.1.1'));
    expect(
      competence?.CFRubricCriterionLevels?.map((level) => [
        level.score,
        level.quality,
        level.description,
      ]),
    ).toEqual([
      [1, 'Ingen kendskab', 'Kender reglerne overfladisk.'],
      [5, 'Er ekspert', 'Rådgiver om datasikkerhed.'],
    ]);
  });
});

describe('caseToFramework with an Evne export', () => {
  it('gives back a deep-equal document after a JSON round trip', () => {
    expect(validateFrameworkDocument(KL_EXCERPT).ok).toBe(true);
    const text = JSON.stringify(frameworkToCase(KL_EXCERPT, OPTIONS));
    expect(caseToFramework(JSON.parse(text))).toEqual({ ok: true, value: KL_EXCERPT });
  });

  it('keeps the node order of the document even when it is not depth-first', () => {
    const shuffled: FrameworkDocument = {
      ...KL_EXCERPT,
      nodes: [...KL_EXCERPT.nodes].reverse(),
    };
    expect(caseToFramework(frameworkToCase(shuffled, OPTIONS))).toEqual({
      ok: true,
      value: shuffled,
    });
  });

  it('takes a fullStatement edited in a CASE editor and keeps the other languages', () => {
    const casePackage = frameworkToCase(KL_EXCERPT, OPTIONS);
    const item = casePackage.CFItems?.[2];
    if (item !== undefined) {
      item.fullStatement = 'Informationssikkerhed';
    }
    const result = caseToFramework(casePackage);
    expect(result.ok && result.value.nodes[2]?.name).toEqual({
      da: 'Informationssikkerhed',
      nb: 'Datasikkerhet',
      en: 'Data security',
    });
  });

  it('uses the key option over the key in the extension', () => {
    const result = caseToFramework(frameworkToCase(KL_EXCERPT, OPTIONS), { key: 'kl-2023' });
    expect(result.ok && result.value.key).toBe('kl-2023');
  });
});

const DOCUMENT_ID = '0b0d2f7e-1c2d-4e5f-8a9b-00000000d0c0';
const id = (n: number): string => `0b0d2f7e-1c2d-4e5f-8a9b-${String(n).padStart(12, '0')}`;
const link = (identifier: string, title: string) => ({
  identifier,
  uri: `https://case.example/uri/${identifier}`,
  title,
});
const childOf = (n: number, origin: string, destination: string, sequenceNumber?: number) => ({
  identifier: id(100 + n),
  uri: `https://case.example/uri/${id(100 + n)}`,
  associationType: 'isChildOf',
  originNodeURI: link(origin, 'origin'),
  destinationNodeURI: link(destination, 'destination'),
  lastChangeDateTime: '2022-03-01T00:00:00+00:00',
  ...(sequenceNumber !== undefined ? { sequenceNumber } : {}),
});

/** A DigComp-like package as another CASE tool might publish it: no Evne extensions. */
const FOREIGN_PACKAGE = {
  CFDocument: {
    identifier: DOCUMENT_ID,
    uri: `https://case.example/uri/${DOCUMENT_ID}`,
    CFPackageURI: link(DOCUMENT_ID, 'DigComp 2.2 (excerpt)'),
    creator: 'European Commission, Joint Research Centre',
    title: 'DigComp 2.2 (excerpt)',
    description: 'Two areas of the Digital Competence Framework for Citizens.',
    language: 'en-GB',
    version: '2.2',
    officialSourceURL: 'https://publications.jrc.ec.europa.eu/repository/handle/JRC128415',
    licenseURI: link(id(900), 'CC BY 4.0'),
    notes: null,
    lastChangeDateTime: '2022-03-01T00:00:00+00:00',
  },
  CFItems: [
    {
      identifier: id(5),
      CFDocumentURI: link(DOCUMENT_ID, 'DigComp 2.2 (excerpt)'),
      fullStatement: 'Problem solving',
      humanCodingScheme: '5',
      CFItemType: 'Competence Area',
      uri: `https://case.example/uri/${id(5)}`,
      lastChangeDateTime: '2022-03-01T00:00:00+00:00',
    },
    {
      identifier: id(12),
      fullStatement: 'Evaluating data, information and digital content',
      notes: 'To analyse, compare and critically evaluate the credibility of sources.',
      humanCodingScheme: '1.2',
      CFItemType: 'Competence',
      uri: `https://case.example/uri/${id(12)}`,
      lastChangeDateTime: '2022-03-01T00:00:00+00:00',
    },
    {
      identifier: id(1),
      fullStatement: 'Information and data literacy',
      humanCodingScheme: '1',
      CFItemTypeURI: link(id(901), 'Area'),
      uri: `https://case.example/uri/${id(1)}`,
      lastChangeDateTime: '2022-03-01T00:00:00+00:00',
    },
    {
      identifier: id(11),
      fullStatement: 'Browsing, searching and filtering data, information and digital content',
      humanCodingScheme: '1.1',
      CFItemType: 'Competence',
      uri: `https://case.example/uri/${id(11)}`,
      lastChangeDateTime: '2022-03-01T00:00:00+00:00',
    },
    {
      identifier: id(51),
      fullStatement: 'Solving technical problems',
      uri: `https://case.example/uri/${id(51)}`,
      lastChangeDateTime: '2022-03-01T00:00:00+00:00',
    },
  ],
  CFAssociations: [
    childOf(1, id(5), DOCUMENT_ID, 2),
    childOf(2, id(12), id(1), 2),
    { ...childOf(3, id(1), DOCUMENT_ID, 1), originNodeURI: { sourcedId: id(1), title: 'x' } },
    childOf(4, id(11), id(1), 1),
    childOf(5, id(51), id(5)),
    { ...childOf(6, id(11), id(77)), associationType: 'exactMatchOf' },
    childOf(7, id(70), id(71), 1),
    {
      ...childOf(8, id(51), id(78)),
      destinationNodeURI: { ...link(id(78), 'ESCO skill'), targetType: 'ext:esco' },
    },
  ],
  CFRubrics: [
    {
      identifier: id(300),
      uri: `https://case.example/uri/${id(300)}`,
      lastChangeDateTime: '2022-03-01T00:00:00+00:00',
      CFRubricCriteria: [
        {
          identifier: id(301),
          uri: `https://case.example/uri/${id(301)}`,
          lastChangeDateTime: '2022-03-01T00:00:00+00:00',
          CFRubricCriterionLevels: [
            {
              identifier: id(312),
              score: 2,
              quality: 'Intermediate',
              uri: 'u',
              lastChangeDateTime: 't',
            },
            {
              identifier: id(311),
              score: 1,
              quality: 'Foundation',
              description: 'Simple tasks, with guidance.',
              uri: 'u',
              lastChangeDateTime: 't',
            },
            {
              identifier: id(313),
              score: 3,
              quality: 'Advanced',
              uri: 'u',
              lastChangeDateTime: 't',
            },
            {
              identifier: id(314),
              score: '4',
              quality: 'Highly specialised',
              extensions: [],
              uri: 'u',
              lastChangeDateTime: 't',
            },
          ],
        },
        {
          identifier: id(302),
          uri: `https://case.example/uri/${id(302)}`,
          lastChangeDateTime: '2022-03-01T00:00:00+00:00',
          CFItemURI: link(id(11), 'Browsing'),
          CFRubricCriterionLevels: [
            {
              identifier: id(321),
              position: 1,
              description: 'Identifies my information needs with help.',
              uri: 'u',
              lastChangeDateTime: 't',
            },
          ],
        },
      ],
    },
  ],
};

describe('caseToFramework with a foreign package', () => {
  it('builds the tree from isChildOf, sequenceNumber, CFItemType and depth', () => {
    expect(caseToFramework(FOREIGN_PACKAGE)).toEqual({
      ok: true,
      value: {
        format: 'evne-framework',
        formatVersion: 1,
        key: 'digcomp-2-2-excerpt',
        name: { en: 'DigComp 2.2 (excerpt)' },
        description: { en: 'Two areas of the Digital Competence Framework for Citizens.' },
        publisher: 'European Commission, Joint Research Centre',
        versionLabel: '2.2',
        language: 'en',
        licence: 'CC BY 4.0',
        sources: [
          {
            title: 'DigComp 2.2 (excerpt)',
            url: 'https://publications.jrc.ec.europa.eu/repository/handle/JRC128415',
          },
        ],
        scale: {
          levels: [
            {
              value: 1,
              label: { en: 'Foundation' },
              descriptor: { en: 'Simple tasks, with guidance.' },
            },
            { value: 2, label: { en: 'Intermediate' } },
            { value: 3, label: { en: 'Advanced' } },
            { value: 4, label: { en: 'Highly specialised' } },
          ],
          notApplicable: DEFAULT_SCALE.notApplicable,
        },
        nodes: [
          {
            code: '1',
            parent: null,
            kind: 'area',
            name: { en: 'Information and data literacy' },
          },
          {
            code: '1.1',
            parent: '1',
            kind: 'competence',
            name: {
              en: 'Browsing, searching and filtering data, information and digital content',
            },
            levelDescriptors: { '1': { en: 'Identifies my information needs with help.' } },
          },
          {
            code: '1.2',
            parent: '1',
            kind: 'competence',
            name: { en: 'Evaluating data, information and digital content' },
            description: {
              en: 'To analyse, compare and critically evaluate the credibility of sources.',
            },
          },
          { code: '5', parent: null, kind: 'area', name: { en: 'Problem solving' } },
          {
            code: '5.1',
            parent: '5',
            kind: 'competence',
            name: { en: 'Solving technical problems' },
          },
        ],
      } satisfies FrameworkDocument,
    });
  });

  it('reads names in English when the document language is not da, nb or en', () => {
    const swedish = {
      ...FOREIGN_PACKAGE,
      CFDocument: { ...FOREIGN_PACKAGE.CFDocument, language: 'sv' },
    };
    const result = caseToFramework(swedish, { key: 'digcomp-sv' });
    expect(result.ok && result.value.name).toEqual({ en: 'DigComp 2.2 (excerpt)' });
    expect(result.ok && result.value.language).toBeUndefined();
    expect(result.ok && result.value.key).toBe('digcomp-sv');
  });

  it('reads Danish names and Danish item type labels', () => {
    const danish = {
      CFDocument: { identifier: DOCUMENT_ID, title: 'Statens kompetencemodel', language: 'da' },
      CFItems: [
        { identifier: id(1), fullStatement: 'Forstå', CFItemType: 'Kompetenceområde' },
        { identifier: id(2), fullStatement: 'Data', CFItemType: 'Underkategori' },
        { identifier: id(3), fullStatement: 'Datakvalitet', CFItemType: 'Kompetence' },
      ],
      CFAssociations: [
        childOf(1, id(1), DOCUMENT_ID),
        childOf(2, id(2), id(1)),
        childOf(3, id(3), id(2)),
      ],
    };
    const result = caseToFramework(danish);
    expect(result.ok && result.value.key).toBe('statens-kompetencemodel');
    expect(result.ok && result.value.scale).toEqual(DEFAULT_SCALE);
    expect(
      result.ok && result.value.nodes.map((node) => [node.code, node.parent, node.kind, node.name]),
    ).toEqual([
      ['1', null, 'area', { da: 'Forstå' }],
      ['1.1', '1', 'subcategory', { da: 'Data' }],
      ['1.1.1', '1.1', 'competence', { da: 'Datakvalitet' }],
    ]);
  });
});

describe('caseToFramework errors', () => {
  const broken = {
    CFDocument: { identifier: DOCUMENT_ID, title: 'Broken', language: 'en' },
    CFItems: [
      { identifier: id(1), fullStatement: 'Area', humanCodingScheme: 'A' },
      { identifier: id(2), humanCodingScheme: 'B' },
      { identifier: id(3), fullStatement: 'Orphan', humanCodingScheme: 'C' },
      { identifier: id(4), fullStatement: 'Two parents', humanCodingScheme: 'D' },
      { identifier: id(5), fullStatement: 'Loop one', humanCodingScheme: 'E' },
      { identifier: id(6), fullStatement: 'Loop two', humanCodingScheme: 'F' },
      { identifier: id(7), fullStatement: 'Same code', humanCodingScheme: 'A' },
      { identifier: id(8), fullStatement: 'Bad code', humanCodingScheme: 'has space' },
    ],
    CFAssociations: [
      childOf(1, id(1), DOCUMENT_ID),
      childOf(2, id(2), id(1)),
      childOf(3, id(3), id(99)),
      childOf(4, id(4), id(1)),
      childOf(5, id(4), DOCUMENT_ID),
      childOf(6, id(5), id(6)),
      childOf(7, id(6), id(5)),
      childOf(8, id(7), id(1)),
      childOf(9, id(8), id(1)),
    ],
  };
  const result = caseToFramework(broken);
  const issues = result.ok ? [] : result.issues;

  it.each([
    ['missing_field', id(2), '$.CFItems[1].fullStatement'],
    ['unknown_parent', id(3), '$.CFAssociations[2].destinationNodeURI.identifier'],
    ['multiple_parents', id(4), '$.CFAssociations[4]'],
    ['cycle', id(5), '$.CFAssociations[5]'],
    ['duplicate_code', id(7), '$.CFItems[6].humanCodingScheme'],
    ['invalid_value', id(8), '$.CFItems[7].humanCodingScheme'],
  ])('reports %s at the item %s', (code, identifier, path) => {
    expect(issues).toContainEqual(expect.objectContaining({ code, identifier, path }));
  });

  it('collects every problem instead of stopping at the first', () => {
    expect(result.ok).toBe(false);
    expect(issues).toHaveLength(6);
  });

  it('reports a package without a CFDocument', () => {
    const withoutDocument: Record<string, unknown> = { ...broken };
    delete withoutDocument.CFDocument;
    const outcome = caseToFramework(withoutDocument);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.issues).toContainEqual(
      expect.objectContaining({ code: 'missing_document', path: '$.CFDocument' }),
    );
  });

  it('rejects input that is not an object', () => {
    expect(caseToFramework([])).toMatchObject({
      ok: false,
      issues: [{ code: 'invalid_package', path: '$' }],
    });
  });

  it('locates a problem in the scale rubric by the level identifier', () => {
    const oneLevel = {
      ...FOREIGN_PACKAGE,
      CFRubrics: [
        {
          identifier: id(300),
          CFRubricCriteria: [
            {
              identifier: id(301),
              CFRubricCriterionLevels: [{ identifier: id(311), score: 1, quality: 'Only' }],
            },
          ],
        },
      ],
    };
    const outcome = caseToFramework(oneLevel);
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      expect.objectContaining({ code: 'empty_scale', identifier: id(301) }),
    ]);
  });
});
