/**
 * The OpenAPI document passes a real linter (Redocly's `recommended` ruleset, run through @redocly/openapi-core), and
 * describes every route with an operationId and a response schema more telling than `{"type":"object"}`.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { openApi } from './openapi.js';

type Op = { operationId?: string; responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };

describe('/api/openapi.json', () => {
  const doc = openApi();

  it('passes the recommended rules of Redocly’s linter, warnings included', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
  });

  it('names servers, and gives every operation an id and a schema for each success', () => {
    expect((doc.servers as unknown[]).length).toBeGreaterThan(0);
    const ops = Object.values(doc.paths as Record<string, Record<string, Op>>).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const o of ops) {
      expect(o.operationId, JSON.stringify(o).slice(0, 80)).toMatch(/^[a-z][A-Za-z]+$/);
      const schema = o.responses['200']?.content?.['application/json']?.schema;
      expect(schema, o.operationId).toBeDefined();
      expect(JSON.stringify(schema), o.operationId).not.toBe('{"type":"object"}');
    }
  });
});
