/** Colour maths for the wheel: every segment keeps white labels readable (WCAG contrast ≥ 4.5). */

type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
export const MIN_TEXT_CONTRAST = 4.5;

/** Segments without their own colour (e.g. added in the editor) take these, by area order. */
export const FALLBACK_AREA_COLOURS = [
  '#1f5f8b',
  '#7a3e9d',
  '#2e6b30',
  '#a04000',
  '#005f73',
  '#8a1c4a',
  '#4f5358',
  '#5c4d00',
];

export function parseHex(hex: string): Rgb | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) {
    return undefined;
  }
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance([r, g, b]: Rgb): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function mix([r1, g1, b1]: Rgb, [r2, g2, b2]: Rgb, amount: number): Rgb {
  return [r1 + (r2 - r1) * amount, g1 + (g2 - g1) * amount, b1 + (b2 - b1) * amount];
}

/** The colour itself, darkened just enough for white text to reach 4.5:1 when it does not. */
export function readableAreaColour(hex: string | null | undefined, fallbackIndex: number): string {
  const fallback = FALLBACK_AREA_COLOURS[fallbackIndex % FALLBACK_AREA_COLOURS.length] ?? '#1f5f8b';
  const rgb = parseHex(hex ?? '') ?? parseHex(fallback) ?? WHITE;
  let shade = rgb;
  for (let step = 0; step <= 20 && contrastRatio(shade, WHITE) < MIN_TEXT_CONTRAST; step += 1) {
    shade = mix(rgb, [0, 0, 0], step * 0.05);
  }
  return toHex(shade);
}

/**
 * A lighter shade for deeper rings, so the rings read apart, but never so light that white
 * text drops below 4.5:1.
 */
export function ringShade(areaHex: string, depth: number): string {
  const rgb = parseHex(areaHex);
  if (!rgb || depth <= 0) {
    return areaHex;
  }
  const wanted = Math.min(depth * 0.12, 0.3);
  for (let amount = wanted; amount > 0; amount -= 0.02) {
    const candidate = mix(rgb, WHITE, amount);
    if (contrastRatio(candidate, WHITE) >= MIN_TEXT_CONTRAST + 0.1) {
      return toHex(candidate);
    }
  }
  return areaHex;
}
