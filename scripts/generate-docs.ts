// Regenerates the documents derived from code: the framework file's JSON Schema and the OpenAPI
// document. `npm run docs:generate`; a test fails when the committed copies are stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkJsonSchema } from '@evne/core';
import { openApiDocument } from '@evne/server';

const root = path.resolve(import.meta.dirname, '..');
writeFileSync(
  path.join(root, 'docs/framework.schema.json'),
  `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`,
);
// Compact: the document repeats every response schema, and it is read by tools, not people.
writeFileSync(
  path.join(root, 'docs/api/openapi.json'),
  `${JSON.stringify(await openApiDocument())}\n`,
);
console.log('Wrote docs/framework.schema.json and docs/api/openapi.json');
