import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { frameworkJsonSchema } from '@evne/core';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.js';
import { SHIPPED_FRAMEWORKS_DIR } from './seed/seed.js';

const docs = path.resolve(import.meta.dirname, '../../../docs');

describe('documents generated from code', () => {
  it('docs/api/openapi.json is what the server serves (run npm run docs:generate)', async () => {
    const committed = JSON.parse(
      readFileSync(path.join(docs, 'api/openapi.json'), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(await openApiDocument())));
  });

  it('docs/framework.schema.json is generated from the core schema (run npm run docs:generate)', () => {
    const committed = JSON.parse(
      readFileSync(path.join(docs, 'framework.schema.json'), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(frameworkJsonSchema());
  });

  it('every shipped framework file is valid against the published JSON Schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat('uri', true);
    const validate = ajv.compile(frameworkJsonSchema());
    for (const file of readdirSync(SHIPPED_FRAMEWORKS_DIR).filter((name) =>
      name.endsWith('.json'),
    )) {
      const valid = validate(
        JSON.parse(readFileSync(path.join(SHIPPED_FRAMEWORKS_DIR, file), 'utf8')),
      );
      expect(valid, `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
