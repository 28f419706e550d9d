/**
 * Icons the panel draws as inline SVG in the text's colour (`currentColor`), so that they read in
 * light, dark and high-contrast themes alike, where an emoji could be a missing-glyph box.
 */
const SVG = 'http://www.w3.org/2000/svg';

function icon(pathData: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '1em');
  svg.setAttribute('height', '1em');
  // Decoration: the element it is in carries the accessible name.
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', pathData);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.2');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

/** A speech bubble, for the number of comments. */
export function commentIcon(): SVGSVGElement {
  return icon('M2.5 2.5h11a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H8l-3.5 3v-3h-2a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z');
}
