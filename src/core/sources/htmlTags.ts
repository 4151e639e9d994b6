/** What the HTML reader needs to know of tags: which hide their content, which break a block, which are void. */

/** Elements whose content a reader never sees (or that are not the page's text: form values, the head). */
export const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'textarea',
  'select', 'option', 'datalist']);

export const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section',
  'article', 'header', 'footer', 'aside', 'nav', 'main', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'hr', 'pre', 'dd',
  'dt', 'dl', 'address', 'details', 'summary', 'fieldset', 'form', 'caption']);

/** Elements that have no content and no closing tag. */
export const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements that belong in a page's head: any other element ends an unclosed head, as in a browser. */
export const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'script', 'style', 'base', 'noscript', 'template', 'head']);

/** Elements in whose content a self-closing tag (`<path/>`) closes itself, as in XML. */
export const FOREIGN = new Set(['svg', 'math']);

const P = ['p'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];

/**
 * The open elements an opening tag closes when one of them is the innermost (`<p>a<p>b`, `<li>a<li>b`): the table
 * htmlparser2's own tree builder uses, so a page reads as it did through it.
 */
export const OPEN_CLOSES = new Map<string, ReadonlySet<string>>(Object.entries({
  tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], a: ['a'], li: ['li'],
  p: P, h1: HEADINGS, h2: HEADINGS, h3: HEADINGS, h4: HEADINGS, h5: HEADINGS, h6: HEADINGS,
  select: FORM, input: FORM, output: FORM, button: FORM, datalist: FORM, textarea: FORM,
  option: ['option'], optgroup: ['optgroup', 'option'], dd: ['dd', 'dt'], dt: ['dd', 'dt'],
  address: P, article: P, aside: P, blockquote: P, details: P, div: P, dl: P, fieldset: P, figcaption: P, figure: P,
  footer: P, form: P, header: P, hr: P, main: P, nav: P, ol: P, pre: P, section: P, table: P, ul: P,
  rt: ['rt', 'rp'], rp: ['rt', 'rp'], tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
}).map(([tag, closes]) => [tag, new Set(closes)]));

/** Whether an element's content is hidden from a reader: scripts and styles, form values, and hidden elements. */
export function hidesContent(name: string, attrs: Readonly<Record<string, string>>): boolean {
  return HIDDEN.has(name) || 'hidden' in attrs || attrs['aria-hidden'] === 'true'
    || /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attrs.style ?? '');
}
