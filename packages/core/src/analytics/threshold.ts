import { z } from 'zod';
import { ValidationError } from '../errors.js';

/** The organisation's k when it has not chosen one. */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
/** No organisation may choose a k below this. */
export const MIN_ANONYMITY_THRESHOLD = 3;
/** A bound that keeps the exact arithmetic of the decisions within safe integers. */
export const MAX_ANONYMITY_THRESHOLD = 10_000;

/**
 * The organisation setting k: figures about people cover at least k respondents. An integer,
 * at least 3 (the database checks the same: `anonymity_threshold >= 3`), 5 when left out.
 */
export const AnonymityThresholdSchema = z
  .number()
  .int()
  .min(MIN_ANONYMITY_THRESHOLD)
  .max(MAX_ANONYMITY_THRESHOLD)
  .default(DEFAULT_ANONYMITY_THRESHOLD);

/** k for an organisation's setting: the default when unset; refuses fractions and values out of range. */
export function thresholdFor(setting?: number | null): number {
  if (setting === undefined || setting === null) {
    return DEFAULT_ANONYMITY_THRESHOLD;
  }
  if (
    !Number.isSafeInteger(setting) ||
    setting < MIN_ANONYMITY_THRESHOLD ||
    setting > MAX_ANONYMITY_THRESHOLD
  ) {
    const message = `Expected a whole number from ${MIN_ANONYMITY_THRESHOLD} to ${MAX_ANONYMITY_THRESHOLD}`;
    throw new ValidationError(
      'invalid_anonymity_threshold',
      `The anonymity threshold: ${message}`,
      [{ code: 'invalid_anonymity_threshold', message, params: { value: String(setting) } }],
    );
  }
  return setting;
}
