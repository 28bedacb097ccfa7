import {
  ratedLeafIds,
  type Importance,
  type LocalizedText,
  type RoleProfileTarget,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { recordAuditEvent } from '../repositories/audit.repository.js';
import {
  findFrameworkByKey,
  listNodes,
  listVersions,
} from '../repositories/frameworks.repository.js';
import {
  hasExampleProfiles,
  insertProfile,
  replaceTargets,
} from '../repositories/role-profiles.repository.js';
import { toNodeRecord } from '../services/framework-mapping.js';

/** The shipped framework the example profiles are written for. */
export const EXAMPLE_PROFILES_FRAMEWORK_KEY = 'dk-state-model';

/** `[code prefix, level (null: not needed), importance]`; the first prefix that matches wins. */
type TargetRule = readonly [prefix: string, level: number | null, importance: Importance];

interface ExampleProfile {
  name: LocalizedText;
  description: LocalizedText;
  rules: readonly TargetRule[];
}

const ADAPT = {
  da: '– tilpas det til jeres organisation.',
  nb: '– tilpass det til deres organisasjon.',
  en: '— adapt it to your organisation.',
} as const;

/** Codes refer to the Danish state model: A1 strategy, A2 projects, A3 data and security, A4 management. */
const EXAMPLE_PROFILES: readonly ExampleProfile[] = [
  {
    name: { da: 'Alle medarbejdere', nb: 'Alle medarbeidere', en: 'Every employee' },
    description: {
      da: `Et eksempel på, hvad alle medarbejdere bør kunne om data og sikkerhed ${ADAPT.da}`,
      nb: `Et eksempel på hva alle medarbeidere bør kunne om data og sikkerhet ${ADAPT.nb}`,
      en: `An example of what every employee should know about data and security ${ADAPT.en}`,
    },
    rules: [
      ['A3.1', 3, 'essential'],
      ['A3', 2, 'useful'],
      ['A2.3', 2, 'useful'],
      ['', null, 'useful'],
    ],
  },
  {
    name: { da: 'Sagsbehandler', nb: 'Saksbehandler', en: 'Case worker' },
    description: {
      da: `Et eksempel på kompetencer til sikker og lovlig sagsbehandling med borgernes data ${ADAPT.da}`,
      nb: `Et eksempel på kompetanser for sikker og lovlig saksbehandling med innbyggernes data ${ADAPT.nb}`,
      en: `An example of the competences for safe and lawful casework with citizens' data ${ADAPT.en}`,
    },
    rules: [
      ['A3.1', 4, 'essential'],
      ['A3', 3, 'essential'],
      ['A2.1', 2, 'useful'],
      ['A2', 2, 'useful'],
      ['A1.2', 2, 'useful'],
      ['', null, 'useful'],
    ],
  },
  {
    name: { da: 'Leder', nb: 'Leder', en: 'Manager' },
    description: {
      da: `Et eksempel på kompetencer til digital strategi, ledelse og leverandørsamarbejde ${ADAPT.da}`,
      nb: `Et eksempel på kompetanser for digital strategi, ledelse og leverandørsamarbeid ${ADAPT.nb}`,
      en: `An example of the competences for digital strategy, leadership and working with suppliers ${ADAPT.en}`,
    },
    rules: [
      ['A1.1', 4, 'essential'],
      ['A1', 3, 'essential'],
      ['A4', 3, 'essential'],
      ['A3.1', 3, 'essential'],
      ['A3', 3, 'useful'],
      ['A2.3', 3, 'useful'],
      ['A2', 2, 'useful'],
      ['', null, 'useful'],
    ],
  },
  {
    name: { da: 'Digital projektleder', nb: 'Digital prosjektleder', en: 'Digital project lead' },
    description: {
      da: `Et eksempel på kompetencer til at stille krav til, udvikle og implementere digitale løsninger med leverandører ${ADAPT.da}`,
      nb: `Et eksempel på kompetanser for å stille krav til, utvikle og innføre digitale løsninger med leverandører ${ADAPT.nb}`,
      en: `An example of the competences for specifying, developing and rolling out digital solutions with suppliers ${ADAPT.en}`,
    },
    rules: [
      ['A2', 4, 'essential'],
      ['A4.1', 4, 'essential'],
      ['A4', 3, 'useful'],
      ['A3.1', 3, 'essential'],
      ['A3', 3, 'useful'],
      ['A1', 3, 'useful'],
      ['', null, 'useful'],
    ],
  },
];

function matches(code: string, prefix: string): boolean {
  return prefix === '' || code === prefix || code.startsWith(`${prefix}.`);
}

function targetsFor(
  profile: ExampleProfile,
  nodes: readonly { id: string; code: string }[],
): RoleProfileTarget[] {
  return nodes.map((node) => {
    const rule = profile.rules.find(([prefix]) => matches(node.code, prefix));
    return {
      nodeId: node.id,
      targetLevel: rule?.[1] ?? null,
      importance: rule?.[2] ?? 'useful',
    };
  });
}

/**
 * Creates four example role profiles on the latest published Danish state model, once; a no-op
 * when the organisation already has example profiles or the framework is not installed.
 */
export async function ensureExampleProfiles(
  db: Kysely<Database>,
  organisationId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (await hasExampleProfiles(trx, organisationId)) {
      return;
    }
    const framework = await findFrameworkByKey(trx, null, EXAMPLE_PROFILES_FRAMEWORK_KEY);
    const version = framework
      ? [...(await listVersions(trx, [framework.id]))]
          .reverse()
          .find((candidate) => candidate.status === 'published')
      : undefined;
    if (!version) {
      return;
    }
    const nodes = (await listNodes(trx, version.id)).map(toNodeRecord);
    const rated = ratedLeafIds(nodes);
    const ratedNodes = nodes.filter((node) => rated.has(node.id));
    const now = Date.now();
    for (const [index, profile] of EXAMPLE_PROFILES.entries()) {
      const id = await insertProfile(trx, {
        organisationId,
        frameworkVersionId: version.id,
        name: profile.name,
        description: profile.description,
        isExample: true,
        carriedFromProfileId: null,
        // One millisecond apart, so that the examples list in this order.
        createdAt: new Date(now + index),
      });
      await replaceTargets(trx, organisationId, id, targetsFor(profile, ratedNodes));
    }
    await recordAuditEvent(trx, {
      organisationId,
      actorUserId: null,
      action: 'role_profile.examples_created',
      subjectType: 'organisation',
      subjectId: organisationId,
      data: { frameworkVersionId: version.id, profiles: EXAMPLE_PROFILES.length },
    });
  });
}
