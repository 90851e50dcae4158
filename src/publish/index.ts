/** Renderers of a Composite: Markdown, HTML (a complete page), plain text, JSON with full provenance. */
export { toMarkdown, mdEscape } from './markdown.js';
export { toHtml, toHtmlDocument } from './html.js';
export { toText } from './text.js';
export { toJson, type CompositeJson } from './json.js';
export { textFragment, citationLink, sourceNumbers } from './shared.js';
