/**
 * The paper's published version ("Published in …", under the authors) and arXiv's record of it
 * (categories, version, the authors' comment, journal reference, DOI, license). All of it is server
 * text: it goes through textContent only, and its two links are the host's (doi.org or the venue's
 * https page), which the host checks again when one is clicked.
 */
import type { ArxivView, PanelLabels, PublishedView } from '../shared/protocol';
import { element, fill, fillWith } from './dom';

/** Draws a link that asks the host to open `url` (main.ts's linkButton). */
export type LinkMaker = (label: string, url: string, ariaLabel: string) => HTMLElement;

/** `Published in Advances in … (NeurIPS) 2024, vol. 37, pp. 1–10 · via DBLP`, the venue a link when there is one. */
export function publishedLine(published: PublishedView, words: PanelLabels, link: LinkMaker): HTMLElement {
  const paragraph = element('p', undefined, 'published');
  const venue = published.url !== undefined
    ? link(published.venue, published.url, fill(words.publishedHint, published.url))
    : element('span', published.venue, 'venue');
  paragraph.append(...fillWith(words.publishedIn, venue));
  const details = [
    published.volume !== undefined ? fill(words.volume, published.volume) : undefined,
    published.number !== undefined ? fill(words.issue, published.number) : undefined,
    published.pages !== undefined ? fill(words.pages, published.pages) : undefined,
  ].filter((detail): detail is string => detail !== undefined);
  if (details.length > 0) {
    paragraph.append(', ', details.join(', '));
  }
  const source = element('span', published.source === 'dblp' ? words.viaDblp : words.viaArxiv, 'source');
  source.title = published.source === 'dblp' ? words.viaDblpHint : words.viaArxivHint;
  paragraph.append(' ', source);
  return paragraph;
}

/** The categories, the primary (first) one marked for the eye and for a screen reader. */
function categoryList(categories: readonly string[], words: PanelLabels): HTMLElement {
  const list = element('ul', undefined, 'categories');
  categories.forEach((category, index) => {
    if (index > 0) {
      list.append(element('li', category));
      return;
    }
    const item = element('li', undefined, 'primary');
    item.title = fill(words.primaryCategory, category);
    const shown = element('span', category);
    shown.setAttribute('aria-hidden', 'true');
    item.append(shown, element('span', fill(words.primaryCategory, category), 'screen-reader'));
    list.append(item);
  });
  return list;
}

/** arXiv's record as a compact list of terms; only what the record has. */
export function arxivSection(arxiv: ArxivView, words: PanelLabels, link: LinkMaker): HTMLElement {
  const section = element('section', undefined, 'record');
  const list = element('dl');
  const add = (term: string, value: string | Node): void => {
    const definition = element('dd');
    definition.append(value);
    list.append(element('dt', term), definition);
  };
  if (arxiv.categories.length > 0) {
    add(words.categories, categoryList(arxiv.categories, words));
  }
  if (arxiv.version !== undefined || arxiv.updated !== undefined) {
    add(words.version, [
      arxiv.version !== undefined ? `v${arxiv.version}` : undefined,
      arxiv.updated !== undefined ? fill(words.updated, arxiv.updated) : undefined,
    ].filter(Boolean).join(' · '));
  }
  if (arxiv.comment !== undefined) {
    add(words.authorsComment, arxiv.comment);
  }
  if (arxiv.journalRef !== undefined) {
    add(words.journalRef, arxiv.journalRef);
  }
  if (arxiv.doi !== undefined) {
    add(words.doi, arxiv.doiUrl !== undefined ? link(arxiv.doi, arxiv.doiUrl, fill(words.doiHint, arxiv.doi)) : arxiv.doi);
  }
  if (arxiv.license !== undefined) {
    add(words.license, arxiv.license);
  }
  section.append(element('h2', words.arxiv), list);
  return section;
}
