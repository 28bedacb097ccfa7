import { describe, expect, it } from 'vitest';
import da from './da.json';
import en from './en.json';
import nb from './nb.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') {
      out.set(`${prefix}${key}`, value);
    } else {
      for (const [nested, text] of flatten(value, `${prefix}${key}.`)) {
        out.set(nested, text);
      }
    }
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

const english = flatten(en);
const languages = { da: flatten(da), nb: flatten(nb) };

describe('translations', () => {
  it.each(Object.entries(languages))('%s has exactly the English keys', (_language, texts) => {
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(Object.entries(languages))(
    '%s uses the same placeholders as English in every text',
    (_language, texts) => {
      for (const [key, text] of texts) {
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(english.get(key) ?? ''),
        });
      }
    },
  );

  it('has no empty texts', () => {
    for (const texts of [english, languages.da, languages.nb]) {
      for (const [key, text] of texts) {
        expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      }
    }
  });

  it('uses the Danish and Norwegian words for the wheel and its parts', () => {
    expect(languages.da.get('framework.wheelHeading')).toBe('Kompetencehjulet');
    expect(languages.nb.get('framework.wheelHeading')).toBe('Kompetansehjulet');
    expect(languages.da.get('kinds.competence')).toBe('Kompetence');
    expect(languages.nb.get('kinds.competence')).toBe('Kompetanse');
    expect(languages.nb.get('kinds.area')).toBe('Område');
    expect(languages.da.get('kinds.subcategory')).toBe('Underkategori');
  });
});
