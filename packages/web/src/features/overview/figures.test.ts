import { describe, expect, it } from 'vitest';
import {
  distributionText,
  figureText,
  formatDecimal,
  formatDifference,
  formatShare,
  hiddenSymbol,
} from './figures';

const one = (value: number) => formatDecimal(value, 'da');

describe('figureText', () => {
  it('prints a shown figure in the locale', () => {
    expect(figureText('shown', 1.95, 5, one)).toEqual({ kind: 'value', text: '2,0' });
    expect(figureText('shown', 0, 5, one)).toEqual({ kind: 'value', text: '0,0' });
  });

  it('never turns a hidden figure into a number, even if one came along', () => {
    expect(figureText('fewer_than_k', null, 5, one)).toEqual({
      kind: 'hidden',
      status: 'fewer_than_k',
      k: 5,
    });
    expect(figureText('suppressed', 3, 7, one)).toEqual({
      kind: 'hidden',
      status: 'suppressed',
      k: 7,
    });
  });

  it('marks a shown figure without a value as empty, not as 0', () => {
    expect(figureText('shown', null, 5, one)).toEqual({ kind: 'empty' });
  });
});

describe('formatting', () => {
  it('uses the locale for decimals and percentages', () => {
    expect(formatDecimal(1.95, 'da')).toBe('2,0');
    expect(formatDecimal(1.44, 'en')).toBe('1.4');
    expect(formatShare(0.33, 'en')).toBe('33%');
    expect(formatShare(0.33, 'da').replace(/\s/g, ' ')).toBe('33 %');
  });

  it('signs a difference', () => {
    expect(formatDifference(0.44, 'en')).toBe('+0.4');
    expect(formatDifference(-0.2, 'en')).toBe('-0.2');
    expect(formatDifference(0, 'da')).toBe('0,0');
  });

  it('marks too few people as "< k" and leaves suppressed figures to words', () => {
    expect(hiddenSymbol('fewer_than_k', 5)).toBe('< 5');
    expect(hiddenSymbol('suppressed', 5)).toBeNull();
  });

  it('writes a distribution lowest level first', () => {
    expect(
      distributionText([
        { level: 1, count: 24 },
        { level: 2, count: 0 },
      ]),
    ).toBe('1: 24, 2: 0');
  });
});
