import { contrastRatio, MIN_TEXT_CONTRAST, parseHex, toHex } from '../../lib/colour';

/** A cell's or segment's fill with a text colour that reads on it (4.5:1 or more). */
export interface CellColour {
  fill: string;
  text: string;
}

type Rgb = readonly [number, number, number];

/** Light yellow-green to dark blue: low to high, readable in greyscale as light to dark. */
const STOPS: readonly Rgb[] = [
  [0xed, 0xf8, 0xb1],
  [0xc7, 0xe9, 0xb4],
  [0x7f, 0xcd, 0xbb],
  [0x41, 0xb6, 0xc4],
  [0x1d, 0x91, 0xc0],
  [0x22, 0x5e, 0xa8],
  [0x0c, 0x2c, 0x84],
];

const DARK_TEXT = '#111827';
const WHITE_TEXT = '#ffffff';
const DARK: Rgb = [0x11, 0x18, 0x27];
const WHITE: Rgb = [255, 255, 255];

/** Hidden figures: neutral grey (the table hatches it too), never a colour of the scale. */
export const HIDDEN_COLOUR: CellColour = { fill: '#e4e7eb', text: DARK_TEXT };
/** Shown, but nothing to average (e.g. nobody has a target). */
export const EMPTY_COLOUR: CellColour = { fill: '#f7f7f8', text: DARK_TEXT };

function readable(rgb: Rgb): CellColour {
  const dark = contrastRatio(rgb, DARK);
  if (dark >= MIN_TEXT_CONTRAST && dark >= contrastRatio(rgb, WHITE)) {
    return { fill: toHex(rgb), text: DARK_TEXT };
  }
  let shade: Rgb = rgb;
  for (let step = 1; step <= 20 && contrastRatio(shade, WHITE) < MIN_TEXT_CONTRAST; step += 1) {
    const keep = 1 - step * 0.04;
    shade = [rgb[0] * keep, rgb[1] * keep, rgb[2] * keep];
  }
  return { fill: toHex(shade), text: WHITE_TEXT };
}

/** The colour at a position (0–1, clamped) on the scale. */
export function scaleColour(position: number): CellColour {
  const at = Math.min(1, Math.max(0, Number.isFinite(position) ? position : 0));
  const scaled = at * (STOPS.length - 1);
  const index = Math.min(Math.floor(scaled), STOPS.length - 2);
  const from = STOPS[index] ?? STOPS[0] ?? WHITE;
  const to = STOPS[index + 1] ?? from;
  const amount = scaled - index;
  return readable([
    from[0] + (to[0] - from[0]) * amount,
    from[1] + (to[1] - from[1]) * amount,
    from[2] + (to[2] - from[2]) * amount,
  ]);
}

/** Where an average level sits between the scale's lowest and highest level (0–1). */
export function levelPosition(value: number, lowest: number, highest: number): number {
  return highest > lowest ? (value - lowest) / (highest - lowest) : 1;
}

/** The colour of an average level on a scale from `lowest` to `highest`. */
export function averageColour(value: number, lowest: number, highest: number): CellColour {
  return scaleColour(levelPosition(value, lowest, highest));
}

/** Legend swatches: one per level of the scale, or per quarter of a share. */
export function legendStops(values: readonly number[], lowest: number, highest: number) {
  return values.map((value) => ({ value, colour: averageColour(value, lowest, highest) }));
}

/** WCAG contrast of a colour pair, for tests and checks. */
export function colourContrast(colour: CellColour): number {
  return contrastRatio(parseHex(colour.fill) ?? WHITE, parseHex(colour.text) ?? DARK);
}
