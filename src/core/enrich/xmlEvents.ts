/**
 * A small, strict XML reader for the documents Paper Feed expects from servers (arXiv's Atom feed):
 * one pass over the text, linear in its length, calling back for each element's start, text and end.
 * Namespaces are resolved (a prefix may be declared on the root or on the element itself). What a
 * well-formed feed never needs is refused rather than guessed at: a DOCTYPE or entity declaration
 * (so no entity can expand), entities other than XML's five and numeric references, mismatched or
 * unclosed tags (a cut-off body), text outside the root, nesting deeper than `maxDepth`.
 */

/** Namespace prefixes in scope at once (arXiv's Atom uses three or four). */
const MAX_PREFIXES = 32;

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

export interface XmlElement {
  /** The namespace URI, '' for none. */
  readonly ns: string;
  readonly local: string;
  /** Unprefixed attributes only, by name (the feeds put what matters there). */
  readonly attributes: ReadonlyMap<string, string>;
  /** 1 for the root. */
  readonly depth: number;
}

export interface XmlHandler {
  open(element: XmlElement): void;
  /** Character data (decoded, CDATA included) directly inside the innermost open element. */
  text(text: string): void;
  close(element: XmlElement): void;
}

export interface XmlOptions {
  readonly maxDepth?: number;
  /** Elements in the whole document; a feed of 2,000 entries stays well under the default. */
  readonly maxElements?: number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const PREDEFINED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

type Scope = ReadonlyMap<string, string>;

interface Open {
  readonly qname: string;
  readonly element: XmlElement;
  readonly scope: Scope;
}

/** Reads `xml` from start to end, calling `handler`; throws XmlError where it is not well-formed. */
export function readXml(xml: string, handler: XmlHandler, options: XmlOptions = {}): void {
  const maxDepth = options.maxDepth ?? 32;
  const maxElements = options.maxElements ?? 1_000_000;
  const stack: Open[] = [];
  let elements = 0;
  let rootSeen = false;
  let position = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = xml.length;

  const fail = (what: string): never => {
    throw new XmlError(`${what} at character ${position}`);
  };

  while (position < end) {
    const lt = xml.indexOf('<', position);
    const textEnd = lt === -1 ? end : lt;
    if (textEnd > position) {
      const raw = xml.slice(position, textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== '') {
          fail('text outside the root element');
        }
      } else {
        handler.text(decodeText(raw, fail));
      }
      position = textEnd;
      continue;
    }
    // At '<'.
    if (xml.startsWith('<!--', position)) {
      const close = xml.indexOf('-->', position + 4);
      if (close === -1) {
        fail('unclosed comment');
      }
      position = close + 3;
    } else if (xml.startsWith('<![CDATA[', position)) {
      const close = xml.indexOf(']]>', position + 9);
      if (close === -1 || stack.length === 0) {
        fail(close === -1 ? 'unclosed CDATA section' : 'CDATA outside the root element');
      }
      handler.text(xml.slice(position + 9, close));
      position = close + 3;
    } else if (xml.startsWith('<!', position)) {
      // DOCTYPE, ENTITY, ELEMENT...: declarations are how entity bombs and external entities come in.
      fail('a document type or entity declaration');
    } else if (xml.startsWith('<?', position)) {
      const close = xml.indexOf('?>', position + 2);
      if (close === -1) {
        fail('unclosed processing instruction');
      }
      position = close + 2;
    } else if (xml.startsWith('</', position)) {
      const close = xml.indexOf('>', position + 2);
      if (close === -1) {
        fail('unclosed end tag');
      }
      const qname = xml.slice(position + 2, close).trim();
      const top = stack.pop();
      if (!top || top.qname !== qname) {
        fail(`end tag </${qname.slice(0, 40)}> does not match`);
      }
      handler.close((top as Open).element);
      position = close + 1;
    } else {
      if (stack.length === 0 && rootSeen) {
        fail('a second root element');
      }
      const tag = readTag(xml, position + 1, fail);
      elements++;
      if (elements > maxElements) {
        fail('too many elements');
      }
      if (stack.length >= maxDepth) {
        fail('elements nested too deeply');
      }
      const parentScope: Scope = stack[stack.length - 1]?.scope ?? new Map([['xml', XML_NS]]);
      let scope = parentScope;
      const attributes = new Map<string, string>();
      for (const [name, value] of tag.attributes) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          // Each declaring element copies its parent's prefixes: bounded, so a hostile body cannot make that quadratic.
          if (scope.size >= MAX_PREFIXES) {
            fail('too many namespace prefixes');
          }
          if (scope === parentScope) {
            scope = new Map(parentScope);
          }
          (scope as Map<string, string>).set(name === 'xmlns' ? '' : name.slice(6), value);
        } else if (!name.includes(':')) {
          if (attributes.has(name)) {
            fail(`attribute ${name} given twice`);
          }
          attributes.set(name, value);
        }
      }
      const colon = tag.qname.indexOf(':');
      const prefix = colon === -1 ? '' : tag.qname.slice(0, colon);
      const ns = scope.get(prefix);
      if (ns === undefined && prefix !== '') {
        fail(`undeclared namespace prefix ${prefix.slice(0, 40)}`);
      }
      const element: XmlElement = { ns: ns ?? '', local: tag.qname.slice(colon + 1), attributes, depth: stack.length + 1 };
      rootSeen = true;
      handler.open(element);
      if (tag.selfClosing) {
        handler.close(element);
      } else {
        stack.push({ qname: tag.qname, element, scope });
      }
      position = tag.end;
    }
  }
  if (stack.length > 0) {
    fail(`<${(stack[stack.length - 1] as Open).qname.slice(0, 40)}> is not closed (the document is cut off)`);
  }
  if (!rootSeen) {
    fail('no root element');
  }
}

interface Tag {
  readonly qname: string;
  readonly attributes: [string, string][];
  readonly selfClosing: boolean;
  /** Just past the tag's `>`. */
  readonly end: number;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Reads a start tag from just after its `<`: name, attributes (values decoded), `/>` or `>`. */
function readTag(xml: string, start: number, fail: (what: string) => never): Tag {
  let position = start;
  const nameEnd = (from: number): number => {
    let at = from;
    while (at < xml.length && !isSpace(xml.charCodeAt(at)) && !'/>='.includes(xml.charAt(at))) {
      at++;
    }
    return at;
  };
  let stop = nameEnd(position);
  const qname = xml.slice(position, stop);
  if (!NAME.test(qname)) {
    fail('a malformed element name');
  }
  position = stop;
  const attributes: [string, string][] = [];
  for (;;) {
    const before = position;
    while (position < xml.length && isSpace(xml.charCodeAt(position))) {
      position++;
    }
    if (position >= xml.length) {
      fail('unclosed start tag');
    }
    if (xml.startsWith('/>', position)) {
      return { qname, attributes, selfClosing: true, end: position + 2 };
    }
    if (xml.charAt(position) === '>') {
      return { qname, attributes, selfClosing: false, end: position + 1 };
    }
    if (position === before) {
      fail('attributes without space between them');
    }
    stop = nameEnd(position);
    const name = xml.slice(position, stop);
    if (!NAME.test(name)) {
      fail('a malformed attribute');
    }
    position = stop;
    while (position < xml.length && isSpace(xml.charCodeAt(position))) {
      position++;
    }
    if (xml.charAt(position) !== '=') {
      fail('an attribute without a value');
    }
    position++;
    while (position < xml.length && isSpace(xml.charCodeAt(position))) {
      position++;
    }
    const quote = xml.charAt(position);
    if (quote !== '"' && quote !== "'") {
      fail('an unquoted attribute value');
    }
    const close = xml.indexOf(quote, position + 1);
    if (close === -1) {
      fail('unclosed attribute value');
    }
    const raw = xml.slice(position + 1, close);
    if (raw.includes('<')) {
      fail('"<" in an attribute value');
    }
    attributes.push([name, decodeText(raw, fail)]);
    position = close + 1;
  }
}

/** Decodes XML's five entities and numeric character references; any other `&` is an error. */
export function decodeText(raw: string, fail: (what: string) => never): string {
  if (!raw.includes('&')) {
    return raw;
  }
  let out = '';
  let position = 0;
  for (;;) {
    const amp = raw.indexOf('&', position);
    if (amp === -1) {
      return out + raw.slice(position);
    }
    out += raw.slice(position, amp);
    // Entity names are short: look no further than 12 characters for the ';', so the scan stays linear.
    const window = raw.slice(amp + 1, amp + 13).indexOf(';');
    const semi = window === -1 ? -1 : amp + 1 + window;
    if (semi === -1) {
      fail('an "&" that starts no entity');
    }
    const name = raw.slice(amp + 1, semi);
    out += entity(name, fail);
    position = semi + 1;
  }
}

function entity(name: string, fail: (what: string) => never): string {
  const predefined = PREDEFINED.get(name);
  if (predefined !== undefined) {
    return predefined;
  }
  const match = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(name);
  if (!match) {
    fail(`the unknown entity &${name.slice(0, 12)};`);
  }
  const code = match?.[1] !== undefined ? Number.parseInt(match[1], 16) : Number(match?.[2]);
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) {
    fail(`the character reference &${name};, which XML does not allow`);
  }
  return String.fromCodePoint(code);
}
