import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex } from '../../lib/colour';
import {
  averageColour,
  colourContrast,
  EMPTY_COLOUR,
  HIDDEN_COLOUR,
  legendStops,
  levelPosition,
  scaleColour,
} from './colour-scale';

const luminanceOrder = (hex: string) => {
  const rgb = parseHex(hex) ?? [0, 0, 0];
  return contrastRatio(rgb, [0, 0, 0]);
};

describe('the colour scale', () => {
  it('keeps its text at 4.5:1 or more everywhere, and on hidden and empty cells', () => {
    for (let step = 0; step <= 100; step += 1) {
      expect(colourContrast(scaleColour(step / 100))).toBeGreaterThanOrEqual(4.5);
    }
    expect(colourContrast(HIDDEN_COLOUR)).toBeGreaterThanOrEqual(4.5);
    expect(colourContrast(EMPTY_COLOUR)).toBeGreaterThanOrEqual(4.5);
  });

  it('runs from light to dark, so that it reads without colour vision too', () => {
    const fills = [0, 0.25, 0.5, 0.75, 1].map((position) => scaleColour(position).fill);
    const brightness = fills.map(luminanceOrder);
    expect([...brightness].sort((a, b) => b - a)).toEqual(brightness);
    expect(new Set(fills).size).toBe(5);
  });

  it('clamps positions outside 0–1 and treats nonsense as the bottom', () => {
    expect(scaleColour(-1)).toEqual(scaleColour(0));
    expect(scaleColour(3)).toEqual(scaleColour(1));
    expect(scaleColour(Number.NaN)).toEqual(scaleColour(0));
  });

  it('never paints a hidden figure with a colour of the scale', () => {
    const fills = new Set(Array.from({ length: 101 }, (_, step) => scaleColour(step / 100).fill));
    expect(fills.has(HIDDEN_COLOUR.fill)).toBe(false);
  });
});

describe('average levels', () => {
  it('places an average between the lowest and highest level', () => {
    expect(levelPosition(1, 1, 5)).toBe(0);
    expect(levelPosition(3, 1, 5)).toBe(0.5);
    expect(levelPosition(5, 1, 5)).toBe(1);
    expect(levelPosition(2, 2, 2)).toBe(1);
    expect(averageColour(3, 1, 5)).toEqual(scaleColour(0.5));
  });

  it('gives a legend swatch per level', () => {
    const stops = legendStops([1, 2, 3, 4, 5], 1, 5);
    expect(stops.map((stop) => stop.value)).toEqual([1, 2, 3, 4, 5]);
    expect(stops[0]?.colour).toEqual(scaleColour(0));
    expect(stops[4]?.colour).toEqual(scaleColour(1));
  });
});
