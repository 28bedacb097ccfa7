import type { FrameworkSummary } from '@evne/core';
import { describe, expect, it } from 'vitest';
import { carryForwardTargets } from './carry-forward';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function framework(
  n: number,
  versions: [number, 'draft' | 'published'][],
  derivedFrom: number | null = null,
): FrameworkSummary {
  return {
    id: id(n),
    key: `f${n}`,
    name: { en: `Framework ${n}` },
    description: null,
    publisher: null,
    versionLabel: null,
    language: null,
    licence: null,
    sources: [],
    isShipped: derivedFrom === null,
    derivedFrom: derivedFrom === null ? null : { frameworkId: id(derivedFrom), name: { en: 'x' } },
    versions: versions.map(([number, status]) => ({
      id: id(n * 100 + number),
      number,
      status,
      createdAt: '2025-01-01T00:00:00Z',
      publishedAt: status === 'published' ? '2025-01-02T00:00:00Z' : null,
    })),
    completeness: { figures: [], note: null },
  };
}

describe('carryForwardTargets', () => {
  const frameworks = [
    framework(1, [
      [1, 'published'],
      [2, 'published'],
      [3, 'draft'],
    ]),
    framework(2, [[1, 'published']], 1),
    framework(
      3,
      [
        [1, 'published'],
        [2, 'published'],
      ],
      2,
    ),
    framework(4, [[1, 'published']]),
  ];

  it('offers newer published versions and published adaptations (also of adaptations)', () => {
    const targets = carryForwardTargets(frameworks, { frameworkId: id(1), number: 1 });
    expect(targets.map((target) => [target.versionId, target.isAdaptation])).toEqual([
      [id(102), false],
      [id(201), true],
      [id(302), true],
      [id(301), true],
    ]);
  });

  it('offers nothing for the latest version of a framework nobody adapted', () => {
    expect(carryForwardTargets(frameworks, { frameworkId: id(4), number: 1 })).toEqual([]);
    expect(
      carryForwardTargets(frameworks, { frameworkId: id(3), number: 2 }).map((t) => t.versionId),
    ).toEqual([]);
  });
});
