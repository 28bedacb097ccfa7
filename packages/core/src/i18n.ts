import { z } from 'zod';

export const LOCALES = ['da', 'nb', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

const text = z.string().trim().min(1).max(4000);

/** Text in one or more of the supported languages; at least one must be given. */
export const LocalizedTextSchema = z
  .object({ da: text.optional(), nb: text.optional(), en: text.optional() })
  .strict()
  .refine((value) => value.da !== undefined || value.nb !== undefined || value.en !== undefined, {
    message: 'Give the text in at least one language (da, nb or en)',
  });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const FALLBACK: Record<Locale, readonly Locale[]> = {
  da: ['da', 'nb', 'en'],
  nb: ['nb', 'da', 'en'],
  en: ['en', 'da', 'nb'],
};

/** Picks the text in `locale`, falling back to the closest language that has it. */
export function resolveText(value: LocalizedText | null | undefined, locale: Locale): string {
  if (!value) {
    return '';
  }
  for (const candidate of FALLBACK[locale]) {
    const found = value[candidate];
    if (found !== undefined) {
      return found;
    }
  }
  return '';
}
