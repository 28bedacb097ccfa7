import { z } from 'zod';
import { FrameworkDocumentSchema } from './framework-document.js';

/** JSON Schema (draft 2020-12) of the app's framework file, generated from the zod schema. */
export function frameworkJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FrameworkDocumentSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://evne.dev/schemas/evne-framework-1.json',
    title: 'Evne competence framework',
    description:
      'A competence framework (wheel): metadata, a proficiency scale and a flat list of nodes (area > sub-category > competence, any depth) linked by parent codes. Rules a schema cannot express are checked on import: codes are unique, parents exist, no cycles, at least two scale levels in ascending order, level descriptors only for levels on the scale.',
  };
}
