/** OpenAPI 3.1 description of the JSON API (served at /api/openapi.json). */
import { VERSION } from '../version.js';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const id = (description: string, pattern: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string', pattern } });
const paging = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 20 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const ok = (description: string, schema: Record<string, unknown>) => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** GET of one thing by its path id. */
const byId = (operationId: string, summary: string, idDescription: string, idPattern: string, found: string, what: string, schema: Record<string, unknown>) => ({
  get: { operationId, summary, security: [], parameters: [id(idDescription, idPattern)], responses: { '200': ok(found, schema), '400': errorResponse('Malformed id'), '404': errorResponse(`No such ${what}`) } },
});
const str = { type: 'string' };
const int = { type: 'integer' };
const num = { type: 'number' };
const strOrNull = { type: ['string', 'null'] };
const intOrNull = { type: ['integer', 'null'] };
/** An object whose listed fields are all present (more may come: the API only adds fields). */
const obj = (properties: Record<string, unknown>, description?: string) => ({ type: 'object', ...(description ? { description } : {}), required: Object.keys(properties), properties });
const page = (key: string, item: string) => obj({ total: int, offset: int, limit: int, [key]: { type: 'array', items: ref(item) } });
const storySummary = {
  id: { type: 'integer', description: 'Story number (the CLI writes it s<N>: see `ref`)' },
  ref: { type: 'string', pattern: '^s[0-9]+$', description: 'The id as the CLI writes it' },
  title: { ...strOrNull, description: 'The story headline: the same on every page, feed and listing' },
  articles: { type: 'integer', description: 'Articles (every copy) in the story' },
  families: { type: 'integer', description: 'Independent sources: families of copies, derived sources not counted' },
  first: strOrNull,
  last: strOrNull,
  storyline: intOrNull,
  url: str,
};
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
    info: {
      title: 'Roundup reader API',
      version: VERSION,
      description: 'Merged news stories whose every sentence cites its source spans; the stored articles; audits against sources; ingest of article records.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The server that serves this document (`roundup serve`)' }],
    // Reading is open; the two POST endpoints name their bearer token.
    security: [],
    paths: {
      '/api/stories': {
        get: { operationId: 'listStories', summary: 'Stories ranked by independent sources and recency', security: [], parameters: paging, responses: { '200': ok('A page of stories', page('stories', 'StoryCard')), '400': errorResponse('Bad paging') } },
      },
      '/api/stories/{id}': byId('getStory', 'One story: members, families (what each copy adds and drops), storyline, and its composite with full provenance', 'Story id: N or sN', '^[sS]?[0-9]+$', 'The story and its composite', 'story', obj({ story: ref('StoryDetail'), composite: ref('Composite') })),
      '/api/stories/{id}/editions': byId('getStoryEditions', "A story's editions, oldest first: every published composite with what changed since the one before", 'Story id: N or sN', '^[sS]?[0-9]+$', 'The editions', 'story', obj({ editions: { type: 'array', items: ref('Edition') } })),
      '/api/articles': {
        get: { operationId: 'listArticles', summary: 'Stored articles (latest version of each page), newest first', security: [], parameters: paging, responses: { '200': ok('A page of articles', page('articles', 'ArticleSummary')), '400': errorResponse('Bad paging') } },
      },
      '/api/articles/{id}': byId('getArticle', 'One cleaned article: text, paragraphs, captions, what cleaning removed and why, raw record provenance', 'Article id', '^[0-9]+$', 'The article', 'article', ref('Article')),
      '/api/search': {
        get: {
          operationId: 'search',
          summary: 'Full-text search over stories and articles (every word required)',
          security: [],
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }],
          responses: { '200': ok('Matching stories and articles', ref('SearchResult')), '400': errorResponse('No query') },
        },
      },
      '/api/audit': {
        post: {
          operationId: 'audit',
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
          responses: { '200': ok('Summary and per-sentence verdicts with evidence', ref('AuditResult')), '404': errorResponse('A stored source does not exist'), ...writeErrors },
        },
      },
      '/api/ingest': {
        post: {
          operationId: 'ingest',
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
          parameters: [{ name: 'wait', in: 'query', description: 'true: answer once families, stories and editions are recomputed (200, with their totals); else at once (202)', schema: { type: 'boolean' } }],
          responses: {
            '200': ok('Totals, one outcome per record (stored, unchanged or failed with the reason), and the recluster totals (with wait=true, or when nothing new was stored)', ref('IngestResult')),
            '202': ok('Stored; families, stories and editions are being recomputed in the background (cluster.queued)', ref('IngestResult')),
            ...writeErrors,
          },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This description',
          security: [],
          responses: { '200': ok('OpenAPI 3.1', obj({ openapi: str, info: { type: 'object' }, paths: { type: 'object' } })), '404': errorResponse('Never: listed for completeness of the 4XX rule') },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to `roundup serve --token-file` or ROUNDUP_TOKEN' } },
      schemas: {
        Error: { type: 'object', required: ['error', 'status'], properties: { error: { type: 'string' }, status: { type: 'integer' } } },
        StoryCard: obj({ ...storySummary, outlets: int, headline: str, lede: str, storylineStories: int }, 'A story as listed: the summary with its headline and lede'),
        StorySummary: obj(storySummary),
        Edition: obj(
          {
            n: { type: 'integer', minimum: 1, description: 'Edition number, 1 for the first' },
            at: { type: 'string', format: 'date-time' },
            headline: str,
            changes: {
              type: 'array',
              items: {
                type: 'object',
                required: ['kind', 'text', 'citations'],
                properties: {
                  kind: { type: 'string', enum: ['added', 'updated', 'withdrawn', 'source-added'] },
                  text: { type: 'string', description: 'The fact (for withdrawn: as it was; for source-added: the source)' },
                  before: { type: 'string', description: 'updated: the numbers before' },
                  after: { type: 'string', description: 'updated: the numbers now' },
                  citations: {
                    type: 'array',
                    items: obj({ articleId: str, start: int, end: int, text: str }),
                  },
                },
              },
            },
          },
          'One immutable publication of the story with what changed since the one before',
        ),
        StoryDetail: obj({
          ...storySummary,
          families: { type: 'array', description: 'Families of copies: canonical member, and per member what it adds and drops', items: obj({ id: str, canonical: int, members: { type: 'array', items: obj({ id: int, similarity: num, adds: { type: 'array', items: ref('Span') }, drops: { type: 'array', items: ref('Span') } }) } }) },
          members: { type: 'array', items: obj({ id: int, familyId: str, title: strOrNull, publisher: strOrNull, published: strOrNull, locator: str }) },
          storylineStories: { type: 'array', items: ref('StorySummary') },
        }),
        Span: obj({ text: str, start: int, end: int }),
        Composite: {
          type: 'object',
          description: 'The merged article (src/compose/types.ts Composite) with `format`, `formatVersion` and `sentences` (the body in reading order)',
          required: ['format', 'formatVersion', 'id', 'headline', 'lede', 'sections', 'quotes', 'disagreements', 'timeline', 'sourcesUsed', 'sourcesNotUsed', 'disclosure', 'published', 'words', 'provenance', 'sentences'],
          properties: {
            format: { const: 'roundup.composite' },
            formatVersion: { const: 1 },
            id: str,
            headline: obj({ text: str, articleId: strOrNull, citation: { type: ['object', 'null'] }, from: { enum: ['source-headline', 'lede-sentence', 'story-title'] } }),
            lede: { type: 'array', items: { type: 'object' } },
            sections: { type: 'array', items: { type: 'object' } },
            quotes: { type: 'array', items: { type: 'object' } },
            people: { type: 'array', items: { type: 'object' } },
            disagreements: { type: 'array', items: { type: 'object' } },
            timeline: { type: 'array', items: { type: 'object' } },
            sourcesUsed: { type: 'array', items: { type: 'object' } },
            sourcesNotUsed: { type: 'array', items: { type: 'object' }, description: 'Each with its reason; a derived source (AI-written composite...) carries `derived`' },
            disclosure: str,
            published: obj({ first: strOrNull, last: strOrNull }),
            words: int,
            provenance: { type: 'object' },
            sentences: { type: 'array', items: { type: 'object' } },
          },
        },
        ArticleSummary: obj({ id: int, title: strOrNull, publisher: strOrNull, via: strOrNull, published: strOrNull, locator: str, version: int, words: int, url: str }),
        Article: obj({
          id: int,
          url: strOrNull,
          canonicalUrl: strOrNull,
          title: strOrNull,
          byline: strOrNull,
          publisher: strOrNull,
          via: strOrNull,
          published: strOrNull,
          language: strOrNull,
          text: str,
          paragraphs: { type: 'array', items: str },
          captions: { type: 'array', items: str },
          removed: { type: 'array', description: 'What cleaning removed, with the reason', items: obj({ text: str, reason: str }) },
          warnings: { type: 'array', items: str },
          source: { type: 'object', description: 'The raw record: locator, fetch time, version, media type, size' },
          stories: { type: 'array', items: obj({ id: int, ref: str, url: str }) },
          raw: str,
        }),
        SearchResult: obj({
          query: str,
          stories: { type: 'array', items: obj({ id: int, title: strOrNull, articles: int, families: int, first: strOrNull, last: strOrNull, matched: str }) },
          articles: { type: 'array', items: obj({ id: int, title: strOrNull, publisher: strOrNull, published: strOrNull, snippet: str }) },
        }),
        AuditResult: obj({
          summary: obj({ supported: int, unsupported: int, contradicted: int, total: int }),
          sentences: { type: 'array', items: { type: 'object', required: ['claim', 'verdict', 'score'], properties: { claim: str, verdict: { enum: ['supported', 'unsupported', 'contradicted'] }, score: num, start: int, end: int, kind: str } } },
          sources: { type: 'array', items: { type: 'object', required: ['id', 'label'], properties: { id: str, articleId: int, label: str } } },
        }),
        IngestResult: {
          type: 'object',
          required: ['totals', 'outcomes', 'cluster'],
          properties: {
            error: str,
            status: int,
            totals: obj({ stored: int, unchanged: int, expanded: int, failed: int }),
            outcomes: { type: 'array', items: { type: 'object', required: ['status', 'input'], properties: { status: str, input: str, rawId: int, version: int, reason: str } } },
            cluster: { type: ['object', 'null'] },
          },
        },
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
