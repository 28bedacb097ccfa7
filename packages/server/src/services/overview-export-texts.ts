import type { CampaignMode, CampaignStatus, Locale } from '@evne/core';

/** The words of the overview exports (XLSX, CSV, PDF) in the three languages. */
export interface ExportTexts {
  title: string;
  campaign: string;
  unit: string;
  unitCode: string;
  kind: string;
  kinds: Record<CampaignMode, string>;
  status: string;
  statuses: Record<CampaignStatus, string>;
  respondents: string;
  respondentsCount: (count: number) => string;
  respondentsFewer: (k: number) => string;
  respondentsSuppressed: string;
  coverageLevel: string;
  threshold: string;
  ruleHeading: string;
  /** The anonymity rule in words; hidden figures read `< k` everywhere (a no-break space). */
  rule: (k: number) => string;
  generated: string;
  sheets: { overview: string; competences: string; heatmap: string; gaps: string };
  area: string;
  code: string;
  competence: string;
  average: string;
  rated: string;
  notApplicable: string;
  peopleAtLevel: (level: number, label: string) => string;
  withTarget: string;
  meetingTarget: string;
  averageShortfall: string;
  totalShortfall: string;
  holders: (level: number) => string;
  flag: string;
  flagNone: string;
  flagOne: string;
  wants: string;
  competencesHeading: string;
  competencesLead: string;
  wheelHeading: string;
  wheelLead: string;
  legend: string;
  hiddenLegend: (k: number) => string;
  heatmapHeading: (unit: string) => string;
  heatmapLead: string;
  heatmapTotal: (unit: string) => string;
  heatmapLeaf: (unit: string) => string;
  gapsHeading: string;
  gapsLead: string;
  gapsRank: string;
  levelsMissing: (count: number) => string;
  gapsEmpty: string;
  coverageHeading: string;
  coverageSummary: (covered: number, shown: number, level: number, share: string) => string;
  coverageAllHidden: string;
  coverageNone: string;
  coverageOne: string;
  coverageNoFlags: string;
  covered: string;
  shownCompetences: string;
  totalCompetences: string;
  coverageShare: string;
  page: (page: number, pages: number) => string;
}

const en: ExportTexts = {
  title: 'Competence overview',
  campaign: 'Campaign',
  unit: 'Unit',
  unitCode: 'Unit code',
  kind: 'Assessment',
  kinds: { self: 'Self-assessment', manager: 'Manager assessment' },
  status: 'Campaign status',
  statuses: { draft: 'draft', scheduled: 'scheduled', open: 'open', closed: 'closed' },
  respondents: 'Respondents',
  respondentsCount: (count) => `${count} ${count === 1 ? 'respondent' : 'respondents'}`,
  respondentsFewer: (k) => `fewer than ${k}`,
  respondentsSuppressed: 'hidden to protect small groups',
  coverageLevel: 'Coverage level',
  threshold: 'Anonymity threshold (k)',
  ruleHeading: 'Anonymity rule',
  rule: (k) =>
    `Figures are shown only for groups of at least ${k} people; figures for smaller groups, and figures that could otherwise be subtracted from other figures down to fewer than ${k} people, are hidden to prevent subtraction and read "<\u00a0${k}".`,
  generated: 'Generated',
  sheets: {
    overview: 'Overview',
    competences: 'Competences',
    heatmap: 'Heatmap',
    gaps: 'Gaps and coverage',
  },
  area: 'Area',
  code: 'Code',
  competence: 'Competence',
  average: 'Average',
  rated: 'Gave a level',
  notApplicable: 'Not relevant',
  peopleAtLevel: (level, label) => `Level ${level} (${label})`,
  withTarget: 'People with a target',
  meetingTarget: 'Meeting target',
  averageShortfall: 'Average shortfall',
  totalShortfall: 'Levels missing in total',
  holders: (level) => `At level ${level} or higher`,
  flag: 'Coverage flag',
  flagNone: 'Held by nobody',
  flagOne: 'Held by one person only',
  wants: 'Want to develop',
  competencesHeading: 'Figures per competence',
  competencesLead:
    'The share meeting their target and the average shortfall count only people whose role profile sets a target for the competence.',
  wheelHeading: 'Average level per competence',
  wheelLead:
    'Each competence is coloured by its average level: the darker, the higher. The inner ring shows the average of each area.',
  legend: 'Average level',
  hiddenLegend: (k) => `<\u00a0${k}: hidden by the anonymity rule`,
  heatmapHeading: (unit) => `The units under ${unit}`,
  heatmapLead: 'Average level per unit (with everything under it) and competence.',
  heatmapTotal: (unit) => `${unit} in all`,
  heatmapLeaf: (unit) => `${unit} has no units under it.`,
  gapsHeading: 'Largest gaps against role profiles',
  gapsLead: 'Levels missing in total: how far each person is below their target, added up.',
  gapsRank: 'Largest gaps',
  levelsMissing: (count) => `${count} ${count === 1 ? 'level' : 'levels'} missing`,
  gapsEmpty:
    'No gaps to show: nobody is below a target, nobody has one, or the figures are hidden.',
  coverageHeading: 'Coverage',
  coverageSummary: (covered, shown, level, share) =>
    `${covered} of the ${shown} competences shown are held by at least one person at level ${level} or higher (${share}).`,
  coverageAllHidden: 'Coverage cannot be shown: the figures of every competence are hidden.',
  coverageNone: 'Held by nobody',
  coverageOne: 'Held by one person only',
  coverageNoFlags: 'Every competence shown is held by at least two people.',
  covered: 'Competences held',
  shownCompetences: 'Competences shown',
  totalCompetences: 'Competences in all',
  coverageShare: 'Coverage',
  page: (page, pages) => `Page ${page} of ${pages}`,
};

const da: ExportTexts = {
  title: 'Kompetenceoverblik',
  campaign: 'Kampagne',
  unit: 'Enhed',
  unitCode: 'Enhedskode',
  kind: 'Vurdering',
  kinds: { self: 'Selvvurdering', manager: 'Ledervurdering' },
  status: 'Kampagnens status',
  statuses: { draft: 'kladde', scheduled: 'planlagt', open: 'åben', closed: 'lukket' },
  respondents: 'Har svaret',
  respondentsCount: (count) => `${count} har svaret`,
  respondentsFewer: (k) => `færre end ${k}`,
  respondentsSuppressed: 'skjult for at beskytte små grupper',
  coverageLevel: 'Dækningsniveau',
  threshold: 'Anonymitetsgrænse (k)',
  ruleHeading: 'Anonymitetsregel',
  rule: (k) =>
    `Tal vises kun for grupper på mindst ${k} personer; tal for mindre grupper og tal, der ellers kunne trækkes fra andre tal, så man kom ned på færre end ${k} personer, er skjult for at forhindre fratrækning og står som »<\u00a0${k}«.`,
  generated: 'Dannet',
  sheets: {
    overview: 'Overblik',
    competences: 'Kompetencer',
    heatmap: 'Enheder',
    gaps: 'Mangler og dækning',
  },
  area: 'Område',
  code: 'Kode',
  competence: 'Kompetence',
  average: 'Gennemsnit',
  rated: 'Gav et niveau',
  notApplicable: 'Ikke relevant',
  peopleAtLevel: (level, label) => `Niveau ${level} (${label})`,
  withTarget: 'Personer med et mål',
  meetingTarget: 'Når målet',
  averageShortfall: 'Gns. mangel',
  totalShortfall: 'Manglende niveauer i alt',
  holders: (level) => `På niveau ${level} eller højere`,
  flag: 'Dækning',
  flagNone: 'Ingen har den',
  flagOne: 'Kun én person har den',
  wants: 'Vil gerne udvikle',
  competencesHeading: 'Tal pr. kompetence',
  competencesLead:
    'Andelen, der når målet, og den gennemsnitlige mangel tæller kun personer, hvis kompetenceprofil sætter et mål for kompetencen.',
  wheelHeading: 'Gennemsnitligt niveau pr. kompetence',
  wheelLead:
    'Hver kompetence er farvet efter sit gennemsnitlige niveau: jo mørkere, jo højere. Den inderste ring viser hvert områdes gennemsnit.',
  legend: 'Gennemsnitligt niveau',
  hiddenLegend: (k) => `<\u00a0${k}: skjult af anonymitetsreglen`,
  heatmapHeading: (unit) => `Enhederne under ${unit}`,
  heatmapLead:
    'Gennemsnitligt niveau pr. enhed (med alt, hvad der ligger under den) og kompetence.',
  heatmapTotal: (unit) => `${unit} i alt`,
  heatmapLeaf: (unit) => `Der ligger ingen enheder under ${unit}.`,
  gapsHeading: 'Største mangler i forhold til kompetenceprofilerne',
  gapsLead: 'Manglende niveauer i alt: hvor langt hver person er under sit mål, lagt sammen.',
  gapsRank: 'Største mangler',
  levelsMissing: (count) => `${count} ${count === 1 ? 'niveau' : 'niveauer'} mangler`,
  gapsEmpty:
    'Ingen mangler at vise: ingen er under et mål, ingen har et mål, eller tallene er skjult.',
  coverageHeading: 'Dækning',
  coverageSummary: (covered, shown, level, share) =>
    `${covered} af de ${shown} viste kompetencer har mindst én person på niveau ${level} eller højere (${share}).`,
  coverageAllHidden: 'Dækningen kan ikke vises: tallene for alle kompetencer er skjult.',
  coverageNone: 'Ingen har den',
  coverageOne: 'Kun én person har den',
  coverageNoFlags: 'Alle viste kompetencer har mindst to personer.',
  covered: 'Dækkede kompetencer',
  shownCompetences: 'Viste kompetencer',
  totalCompetences: 'Kompetencer i alt',
  coverageShare: 'Dækning',
  page: (page, pages) => `Side ${page} af ${pages}`,
};

const nb: ExportTexts = {
  title: 'Kompetanseoversikt',
  campaign: 'Kampanje',
  unit: 'Enhet',
  unitCode: 'Enhetskode',
  kind: 'Vurdering',
  kinds: { self: 'Egenvurdering', manager: 'Ledervurdering' },
  status: 'Kampanjens status',
  statuses: { draft: 'utkast', scheduled: 'planlagt', open: 'åpen', closed: 'stengt' },
  respondents: 'Har svart',
  respondentsCount: (count) => `${count} har svart`,
  respondentsFewer: (k) => `færre enn ${k}`,
  respondentsSuppressed: 'skjult for å beskytte små grupper',
  coverageLevel: 'Dekningsnivå',
  threshold: 'Anonymitetsgrense (k)',
  ruleHeading: 'Anonymitetsregel',
  rule: (k) =>
    `Tall vises bare for grupper på minst ${k} personer; tall for mindre grupper og tall som ellers kunne trekkes fra andre tall slik at man kom ned i færre enn ${k} personer, er skjult for å hindre fratrekking og står som «<\u00a0${k}».`,
  generated: 'Laget',
  sheets: {
    overview: 'Oversikt',
    competences: 'Kompetanser',
    heatmap: 'Enheter',
    gaps: 'Mangler og dekning',
  },
  area: 'Område',
  code: 'Kode',
  competence: 'Kompetanse',
  average: 'Gjennomsnitt',
  rated: 'Ga et nivå',
  notApplicable: 'Ikke relevant',
  peopleAtLevel: (level, label) => `Nivå ${level} (${label})`,
  withTarget: 'Personer med et mål',
  meetingTarget: 'Når målet',
  averageShortfall: 'Gj.sn. mangel',
  totalShortfall: 'Manglende nivåer i alt',
  holders: (level) => `På nivå ${level} eller høyere`,
  flag: 'Dekning',
  flagNone: 'Ingen har den',
  flagOne: 'Bare én person har den',
  wants: 'Vil utvikle',
  competencesHeading: 'Tall per kompetanse',
  competencesLead:
    'Andelen som når målet og den gjennomsnittlige mangelen teller bare personer der kompetanseprofilen setter et mål for kompetansen.',
  wheelHeading: 'Gjennomsnittlig nivå per kompetanse',
  wheelLead:
    'Hver kompetanse er farget etter sitt gjennomsnittlige nivå: jo mørkere, jo høyere. Den innerste ringen viser gjennomsnittet for hvert område.',
  legend: 'Gjennomsnittlig nivå',
  hiddenLegend: (k) => `<\u00a0${k}: skjult av anonymitetsregelen`,
  heatmapHeading: (unit) => `Enhetene under ${unit}`,
  heatmapLead: 'Gjennomsnittlig nivå per enhet (med alt som ligger under den) og kompetanse.',
  heatmapTotal: (unit) => `${unit} i alt`,
  heatmapLeaf: (unit) => `Det ligger ingen enheter under ${unit}.`,
  gapsHeading: 'Største mangler sammenlignet med kompetanseprofilene',
  gapsLead: 'Manglende nivåer i alt: hvor langt hver person er under målet sitt, lagt sammen.',
  gapsRank: 'Største mangler',
  levelsMissing: (count) => `${count} ${count === 1 ? 'nivå' : 'nivåer'} mangler`,
  gapsEmpty:
    'Ingen mangler å vise: ingen er under et mål, ingen har et mål, eller tallene er skjult.',
  coverageHeading: 'Dekning',
  coverageSummary: (covered, shown, level, share) =>
    `${covered} av de ${shown} viste kompetansene har minst én person på nivå ${level} eller høyere (${share}).`,
  coverageAllHidden: 'Dekningen kan ikke vises: tallene for alle kompetansene er skjult.',
  coverageNone: 'Ingen har den',
  coverageOne: 'Bare én person har den',
  coverageNoFlags: 'Alle viste kompetanser har minst to personer.',
  covered: 'Dekkede kompetanser',
  shownCompetences: 'Viste kompetanser',
  totalCompetences: 'Kompetanser i alt',
  coverageShare: 'Dekning',
  page: (page, pages) => `Side ${page} av ${pages}`,
};

const TEXTS: Record<Locale, ExportTexts> = { da, nb, en };

export function exportTexts(locale: Locale): ExportTexts {
  return TEXTS[locale];
}

const NUMBER_TAGS: Record<Locale, string> = { da: 'da-DK', nb: 'nb-NO', en: 'en-GB' };

/** Numbers, shares and dates as the reader's language writes them. */
export interface ExportFormat {
  average: (value: number) => string;
  count: (value: number) => string;
  share: (value: number) => string;
  /** A decimal with the language's decimal sign and no grouping (for CSV cells). */
  plain: (value: number) => string;
  date: (value: Date) => string;
}

export function exportFormat(locale: Locale): ExportFormat {
  const tag = NUMBER_TAGS[locale];
  const average = new Intl.NumberFormat(tag, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const count = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const plain = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, useGrouping: false });
  const date = new Intl.DateTimeFormat(tag, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  });
  return {
    average: (value) => average.format(value),
    count: (value) => count.format(value),
    share: (value) => share.format(value),
    plain: (value) => plain.format(value),
    date: (value) => date.format(value),
  };
}
