import type { Scale } from './framework-document.js';

/**
 * The default 5-level scale. The Danish labels are the wording of the Danish public-sector
 * architecture guide's competence levels; the Norwegian and English labels and all descriptors
 * are Evne's own.
 */
export const DEFAULT_SCALE: Scale = {
  levels: [
    {
      value: 1,
      label: { da: 'Ingen kendskab', nb: 'Ingen kjennskap', en: 'No knowledge' },
      descriptor: {
        da: 'Kender kun området overfladisk og kan følge med i de centrale budskaber.',
        nb: 'Kjenner bare området overfladisk og kan følge med i hovedbudskapene.',
        en: 'Knows the area only on the surface and can follow its main messages.',
      },
    },
    {
      value: 2,
      label: { da: 'Har kendskab til', nb: 'Har kjennskap til', en: 'Is familiar with' },
      descriptor: {
        da: 'Kan forklare det grundlæggende og løse opgaver med vejledning.',
        nb: 'Kan forklare det grunnleggende og løse oppgaver med veiledning.',
        en: 'Can explain the basics and carry out tasks with guidance.',
      },
    },
    {
      value: 3,
      label: { da: 'Kan anvende', nb: 'Kan anvende', en: 'Can apply' },
      descriptor: {
        da: 'Bruger det i praksis, løser rutineopgaver selv og kan hjælpe kolleger med dem.',
        nb: 'Bruker det i praksis, løser rutineoppgaver selv og kan hjelpe kolleger med dem.',
        en: 'Uses it in practice, handles routine tasks alone and can help colleagues with them.',
      },
    },
    {
      value: 4,
      label: { da: 'Behersker', nb: 'Behersker', en: 'Masters' },
      descriptor: {
        da: 'Vælger og kombinerer metoder systematisk og ser, hvor praksis kan forbedres.',
        nb: 'Velger og kombinerer metoder systematisk og ser hvor praksis kan forbedres.',
        en: 'Chooses and combines methods systematically and sees where practice can improve.',
      },
    },
    {
      value: 5,
      label: { da: 'Er ekspert', nb: 'Er ekspert', en: 'Is an expert' },
      descriptor: {
        da: 'Løser komplekse og nye problemer og rådgiver andre, også uden for egen enhed.',
        nb: 'Løser komplekse og nye problemer og gir råd til andre, også utenfor egen enhet.',
        en: 'Solves complex and new problems and advises others, also beyond their own unit.',
      },
    },
  ],
  notApplicable: {
    label: {
      da: 'Ikke relevant / ved ikke',
      nb: 'Ikke relevant / vet ikke',
      en: 'Not relevant / don’t know',
    },
  },
};
