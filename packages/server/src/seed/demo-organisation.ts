import type { Actor } from '@evne/core';
import type { OrganisationService } from '../services/organisation.service.js';

/** The demo municipality's units: code, name, parent. */
const UNITS: readonly [string, string, string][] = [
  ['DK', 'Demo Kommune', ''],
  ['DIR', 'Direktionen', 'DK'],
  ['BUF', 'Børne- og Ungeforvaltningen', 'DK'],
  ['BUF-DAG', 'Dagtilbud', 'BUF'],
  ['BUF-SKO', 'Skoler og SFO', 'BUF'],
  ['BUF-PPR', 'Pædagogisk Psykologisk Rådgivning', 'BUF'],
  ['SOF', 'Social- og Sundhedsforvaltningen', 'DK'],
  ['SOF-ÆLD', 'Ældreområdet', 'SOF'],
  ['SOF-ÆLD-HJN', 'Hjemmeplejen Nord', 'SOF-ÆLD'],
  ['SOF-ÆLD-HJS', 'Hjemmeplejen Syd', 'SOF-ÆLD'],
  ['SOF-ÆLD-PLC', 'Plejecenter Solgården', 'SOF-ÆLD'],
  ['SOF-HAN', 'Handicap og Psykiatri', 'SOF'],
  ['KF', 'Kultur- og Fritidsforvaltningen', 'DK'],
  ['KF-BIB', 'Bibliotekerne', 'KF'],
  ['ØK', 'Økonomi og Digitalisering', 'DK'],
  ['ØK-DIG', 'Digitalisering og IT', 'ØK'],
  ['ØK-JOB', 'Jobcenter og Ydelser', 'ØK'],
];

const FIRST = [
  'Anne',
  'Mette',
  'Søren',
  'Lars',
  'Kirsten',
  'Jens',
  'Hanne',
  'Peter',
  'Louise',
  'Mads',
  'Camilla',
  'Rasmus',
  'Sofie',
  'Anders',
  'Ida',
  'Mikkel',
  'Lærke',
  'Bjørn',
  'Åse',
  'Frederik',
];
const LAST = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Møller',
  'Kjær',
  'Østergaard',
  'Damgård',
  'Lund',
];

/** Job titles per unit for the staff (not the unit's leader). */
const STAFF_TITLES: Record<string, readonly string[]> = {
  'BUF-DAG': ['Pædagog', 'Pædagogmedhjælper'],
  'BUF-SKO': ['Lærer', 'Skolesekretær'],
  'BUF-PPR': ['Psykolog', 'Sagsbehandler'],
  'SOF-ÆLD-HJN': ['Social- og sundhedsassistent', 'Social- og sundhedshjælper'],
  'SOF-ÆLD-HJS': ['Social- og sundhedsassistent', 'Sygeplejerske'],
  'SOF-ÆLD-PLC': ['Sygeplejerske', 'Social- og sundhedsassistent'],
  'SOF-HAN': ['Sagsbehandler', 'Socialrådgiver'],
  'KF-BIB': ['Bibliotekar', 'Kulturmedarbejder'],
  'ØK-DIG': ['Digitaliseringskonsulent', 'IT-supporter', 'Digital projektleder'],
  'ØK-JOB': ['Sagsbehandler', 'Jobkonsulent'],
  DIR: ['Direktionssekretær'],
};

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z]+/g, '.');
}

/** A deterministic demo organisation: 17 units and about 70 people, as import files. */
export function demoOrganisationFiles(): { units: string; people: string; unitManagers: string } {
  const units = [
    'Enhedskode;Enhedsnavn;Overordnet enhed',
    ...UNITS.map((unit) => unit.join(';')),
  ].join('\n');
  const people = ['Medarbejdernummer;Navn;E-mail;Enhed;Leder;Stilling;Sprog'];
  let number = 1000;
  let nameIndex = 0;
  const nextName = () => {
    const name = `${FIRST[nameIndex % FIRST.length] ?? 'Anne'} ${LAST[(nameIndex * 7) % LAST.length] ?? 'Jensen'}`;
    nameIndex += 1;
    return name;
  };
  const leaderOf = new Map<string, string>();
  for (const [code, , parent] of UNITS) {
    number += 1;
    const name = nextName();
    const manager = parent === '' ? '' : (leaderOf.get(parent) ?? '');
    const title =
      parent === '' ? 'Kommunaldirektør' : code.split('-').length === 1 ? 'Direktør' : 'Leder';
    people.push(
      `${number};${name};${slug(name)}.${number}@demo.evne.local;${code};${manager};${title};da`,
    );
    leaderOf.set(code, String(number));
  }
  for (const [code, titles] of Object.entries(STAFF_TITLES)) {
    const staff = code === 'DIR' ? 1 : 5;
    for (let index = 0; index < staff; index += 1) {
      number += 1;
      const name = nextName();
      const locale = index === 3 ? 'nb' : index === 4 ? 'en' : 'da';
      people.push(
        `${number};${name};${slug(name)}.${number}@demo.evne.local;${code};${leaderOf.get(code) ?? ''};${titles[index % titles.length] ?? ''};${locale}`,
      );
    }
  }
  const unitManagers = [
    'Enhedskode;Enhedsnavn;Overordnet enhed;Leder',
    ...UNITS.map((unit) => [...unit, leaderOf.get(unit[0]) ?? ''].join(';')),
  ].join('\n');
  return {
    units: `${units}\n`,
    people: `${people.join('\n')}\n`,
    unitManagers: `${unitManagers}\n`,
  };
}

/** Loads the demo organisation's units and people through the ordinary import path. */
export async function importDemoOrganisation(
  organisation: OrganisationService,
  actor: Actor,
): Promise<void> {
  const files = demoOrganisationFiles();
  // Units first, then people, then the units again with their leaders (who now exist).
  for (const [kind, content] of [
    ['units', files.units],
    ['people', files.people],
    ['units', files.unitManagers],
  ] as const) {
    const job = await organisation.imports.create(actor, {
      kind,
      format: 'csv',
      fileName: `demo-${kind}.csv`,
      content,
      isFullImport: true,
    });
    if (job.status !== 'ready') {
      throw new Error(`Demo ${kind} did not import: ${JSON.stringify(job.issues.slice(0, 3))}`);
    }
    const result = await organisation.imports.applyAndWait(actor, job.id);
    if (result.status !== 'applied') {
      throw new Error(`Demo ${kind} did not import: ${result.error ?? result.status}`);
    }
  }
}
