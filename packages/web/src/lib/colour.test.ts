import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  FALLBACK_AREA_COLOURS,
  parseHex,
  readableAreaColour,
  ringShade,
} from './colour';

const WHITE = [255, 255, 255] as const;
const whiteContrast = (hex: string) => contrastRatio(parseHex(hex) ?? [0, 0, 0], WHITE);

// The area colours of the shipped frameworks, and some an importer might bring.
const COLOURS = [
  '#1f5f8b',
  '#7a3e9d',
  '#2e6b30',
  '#a04000',
  '#005f73',
  '#8a1c4a',
  '#4f5358',
  '#ffcc00',
  '#87ceeb',
  '#ffffff',
  '#ff0000',
];

describe('wheel colours', () => {
  it.each(COLOURS)('keeps white labels at 4.5:1 or more on %s and its lighter rings', (hex) => {
    const area = readableAreaColour(hex, 0);
    expect(whiteContrast(area)).toBeGreaterThanOrEqual(4.5);
    for (const depth of [1, 2, 3, 4]) {
      expect(whiteContrast(ringShade(area, depth))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps a colour that already gives white text enough contrast', () => {
    expect(readableAreaColour('#1f5f8b', 0)).toBe('#1f5f8b');
  });

  it('gives areas without a colour one of the fallback colours, by position', () => {
    expect(readableAreaColour(null, 1)).toBe(FALLBACK_AREA_COLOURS[1]);
    expect(readableAreaColour('not a colour', 0)).toBe(FALLBACK_AREA_COLOURS[0]);
  });

  it.each(FALLBACK_AREA_COLOURS)('has a fallback colour %s that white text can sit on', (hex) => {
    expect(whiteContrast(hex)).toBeGreaterThanOrEqual(4.5);
  });
});
