/**
 * A paper's license, from arXiv's OAI-PMH interface (`GetRecord` in the `arXiv` metadata format, the
 * only arXiv interface that carries it: the Atom API does not). One request per paper, so Paper Feed
 * asks only about papers opened or cited.
 *
 *   <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
 *     <GetRecord><record><metadata>
 *       <arXiv xmlns="http://arxiv.org/OAI/arXiv/"> … <license>http://creativecommons.org/licenses/by/4.0/</license> … </arXiv>
 *     </metadata></record></GetRecord>
 *   </OAI-PMH>
 *
 * or `<error code="idDoesNotExist">…</error>` for an id arXiv does not have.
 */
import { FeedError } from '../feed/http';
import { readXml, XmlError } from './xmlEvents';

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
export const ARXIV_OAI_NS = 'http://arxiv.org/OAI/arXiv/';
const MAX_OAI_CHARS = 1_048_576;

export function arxivLicenseUrl(endpoint: string, id: string): string {
  const identifier = `oai:arXiv.org:${id}`;
  return `${endpoint.replace(/\/+$/, '')}/oai2?verb=GetRecord&identifier=${encodeURIComponent(identifier).replace(/%3A/g, ':').replace(/%2F/g, '/')}&metadataPrefix=arXiv`;
}

/**
 * The license of the record (an https URL), `null` when the record names none or arXiv has no such
 * id. Throws FeedError('format') for anything that is not an OAI-PMH answer.
 */
export function parseOaiLicense(xml: string): string | null {
  if (typeof xml !== 'string' || xml.length > MAX_OAI_CHARS || !xml.trimStart().startsWith('<')) {
    throw new FeedError('format', 'arXiv\'s OAI-PMH interface sent something that is not XML.');
  }
  let license: string | null = null;
  let inLicense = false;
  let buffer = '';
  let root = false;
  try {
    readXml(xml, {
      open(element) {
        if (element.depth === 1) {
          if (element.ns !== OAI_NS || element.local !== 'OAI-PMH') {
            throw new FeedError('format', `arXiv sent <${element.local.slice(0, 40)}> where an OAI-PMH answer was expected.`);
          }
          root = true;
        }
        inLicense = element.ns === ARXIV_OAI_NS && element.local === 'license';
        buffer = '';
      },
      text(text) {
        if (inLicense && buffer.length < 500) {
          buffer += text;
        }
      },
      close(element) {
        if (inLicense && element.local === 'license') {
          license = licenseUrl(buffer);
          inLicense = false;
        }
      },
    }, { maxDepth: 16, maxElements: 10_000 });
  } catch (error) {
    if (error instanceof XmlError) {
      throw new FeedError('format', `arXiv sent OAI-PMH XML that cannot be read (${error.message}).`);
    }
    throw error;
  }
  if (!root) {
    throw new FeedError('format', 'arXiv sent no OAI-PMH answer.');
  }
  return license;
}

/**
 * A license URL as arXiv gives it (`http://creativecommons.org/licenses/by/4.0/`,
 * `http://arxiv.org/licenses/nonexclusive-distrib/1.0/`), as https, from those two hosts only.
 */
export function licenseUrl(value: string): string | null {
  const trimmed = value.trim();
  const match = /^https?:\/\/((?:www\.)?(?:creativecommons\.org|arxiv\.org))(\/[\w./-]{1,120})$/.exec(trimmed);
  return match ? `https://${match[1]}${match[2]}` : null;
}
