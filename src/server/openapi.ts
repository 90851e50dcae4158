/** OpenAPI 3.1 description of the JSON API (served at /api/openapi.json). */
import { VERSION } from '../version.js';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const id = (description: string, pattern: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string', pattern } });
const paging = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 20 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const ok = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
/** GET of one thing by its path id. */
const byId = (summary: string, idDescription: string, idPattern: string, found: string, what: string) => ({
  get: { summary, parameters: [id(idDescription, idPattern)], responses: { '200': ok(found), '400': errorResponse('Malformed id'), '404': errorResponse(`No such ${what}`) } },
});
const writeErrors = {
  '400': errorResponse('Invalid input (the message says which field and why)'),
  '401': errorResponse('Missing or wrong bearer token'),
  '403': errorResponse('No token configured on the server: the endpoint is off'),
  '413': errorResponse('Body over the size limit'),
  '415': errorResponse('Body is not JSON'),
  '429': errorResponse('Rate limit: wait the Retry-After seconds'),
};

export function openApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Roundup reader API', version: VERSION, description: 'Merged news stories whose every sentence cites its source spans; the stored articles; audits against sources; ingest of article records.' },
    paths: {
      '/api/stories': { get: { summary: 'Stories ranked by independent sources and recency', parameters: paging, responses: { '200': ok('A page of stories'), '400': errorResponse('Bad paging') } } },
      '/api/stories/{id}': byId('One story: members, families (what each copy adds and drops), storyline, and its composite with full provenance', 'Story id: N or sN', '^[sS]?[0-9]+$', 'The story and its composite', 'story'),
      '/api/articles': { get: { summary: 'Stored articles (latest version of each page), newest first', parameters: paging, responses: { '200': ok('A page of articles'), '400': errorResponse('Bad paging') } } },
      '/api/articles/{id}': byId('One cleaned article: text, paragraphs, captions, what cleaning removed and why, raw record provenance', 'Article id', '^[0-9]+$', 'The article', 'article'),
      '/api/search': {
        get: {
          summary: 'Full-text search over stories and articles (every word required)',
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }],
          responses: { '200': ok('Matching stories and articles'), '400': errorResponse('No query') },
        },
      },
      '/api/audit': {
        post: {
          summary: 'Check every sentence of an article against sources: supported, unsupported or contradicted, with evidence',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['article', 'sources'],
                  properties: {
                    article: { type: 'string', description: 'The article text' },
                    published: { type: 'string', format: 'date-time', description: "The article's date (anchors relative dates)" },
                    sources: {
                      type: 'array',
                      minItems: 1,
                      maxItems: 50,
                      items: {
                        oneOf: [
                          { type: 'object', required: ['articleId'], properties: { articleId: { type: 'integer', minimum: 1 } } },
                          { type: 'object', required: ['text'], properties: { id: { type: 'string' }, text: { type: 'string' } } },
                        ],
                      },
                    },
                  },
                },
              },
            },
          },
          responses: { '200': ok('Summary and per-sentence verdicts with evidence'), '404': errorResponse('A stored source does not exist'), ...writeErrors },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'Store article records and recompute families, stories and storylines',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [{ $ref: '#/components/schemas/Record' }, { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: '#/components/schemas/Record' } }],
                },
              },
            },
          },
          responses: { '200': ok('Totals, one outcome per record (stored, unchanged or failed with the reason), cluster totals'), ...writeErrors },
        },
      },
      '/api/openapi.json': { get: { summary: 'This description', responses: { '200': ok('OpenAPI 3.1') } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to `roundup serve --token-file` or ROUNDUP_TOKEN' } },
      schemas: {
        Error: { type: 'object', required: ['error', 'status'], properties: { error: { type: 'string' }, status: { type: 'integer' } } },
        Record: {
          type: 'object',
          description: 'An article record, as in `roundup ingest records.json`: html or text is required',
          properties: {
            url: { type: 'string' },
            html: { type: 'string' },
            text: { type: 'string' },
            publisher: { type: 'string' },
            published: { type: 'string', format: 'date-time' },
            title: { type: 'string' },
            byline: { type: 'string' },
          },
        },
      },
    },
  };
}
