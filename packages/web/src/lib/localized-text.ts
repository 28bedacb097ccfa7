import { LOCALES, type LocalizedText } from '@evne/core';

export type LocalizedDraft = { da: string; nb: string; en: string };

export function draftFromText(text: LocalizedText | null | undefined): LocalizedDraft {
  return { da: text?.da ?? '', nb: text?.nb ?? '', en: text?.en ?? '' };
}

/** The filled-in languages, trimmed; null when every field is empty. */
export function textFromDraft(draft: LocalizedDraft): LocalizedText | null {
  const out: LocalizedText = {};
  for (const locale of LOCALES) {
    const value = draft[locale].trim();
    if (value !== '') {
      out[locale] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stable);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, stable(entry)]),
    );
  }
  return value ?? null;
}

/** Deep equality for JSON-like values, ignoring key order (the server may reorder keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}
