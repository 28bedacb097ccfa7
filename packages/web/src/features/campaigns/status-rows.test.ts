import type { CampaignStatusReport } from '@evne/core';
import { describe, expect, it } from 'vitest';
import { countCell, ratePercent, statusRows } from './status-rows';

type UnitStatus = CampaignStatusReport['units'][number];

const counts = { invited: 6, started: null, submitted: null, rate: null, suppressed: true };

function unit(id: string, name: string, parentId: string | null): UnitStatus {
  return { unitId: id, parentId, code: id.toUpperCase(), name, counts };
}

describe('statusRows', () => {
  it('orders the units as the tree reads, siblings by name, with their depth', () => {
    const rows = statusRows([
      unit('hjs', 'Hjemmeplejen Syd', 'aeld'),
      unit('dk', 'Demo Kommune', null),
      unit('aeld', 'Ældreområdet', 'sof'),
      unit('hjn', 'Hjemmeplejen Nord', 'aeld'),
      unit('sof', 'Social- og Sundhedsforvaltningen', 'dk'),
      unit('buf', 'Børne- og Ungeforvaltningen', 'dk'),
    ]);
    expect(rows.map((row) => [row.unit.unitId, row.depth])).toEqual([
      ['dk', 1],
      ['buf', 2],
      ['sof', 2],
      ['aeld', 3],
      ['hjn', 4],
      ['hjs', 4],
    ]);
  });

  it('starts a tree of its own for a unit whose parent is not in the report', () => {
    const rows = statusRows([unit('b', 'B', 'missing'), unit('a', 'A', null)]);
    expect(rows.map((row) => [row.unit.unitId, row.depth])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('keeps every unit once, even in a parent cycle', () => {
    const rows = statusRows([unit('x', 'X', 'y'), unit('y', 'Y', 'x')]);
    expect(rows.map((row) => row.unit.unitId).sort()).toEqual(['x', 'y']);
  });

  it('uses the given collation', () => {
    const collator = new Intl.Collator('da-DK');
    const rows = statusRows(
      [unit('aa', 'Aabenraa', null), unit('ae', 'Ærø', null), unit('z', 'Zealand', null)],
      collator.compare,
    );
    expect(rows.map((row) => row.unit.name)).toEqual(['Zealand', 'Ærø', 'Aabenraa']);
  });
});

describe('countCell', () => {
  it('shows a held-back count as "fewer than k", never as a number', () => {
    expect(countCell(null, 5)).toEqual({ kind: 'fewer', threshold: 5 });
    expect(countCell(0, 5)).toEqual({ kind: 'count', value: 0 });
    expect(countCell(12, 5)).toEqual({ kind: 'count', value: 12 });
  });
});

describe('ratePercent', () => {
  it('rounds to a whole percentage, or null when hidden', () => {
    expect(ratePercent({ rate: 0.333 })).toBe(33);
    expect(ratePercent({ rate: null })).toBeNull();
  });
});
