/**
 * The CSL engine (citation-js with its CSL plugin, itself citeproc-js): APA, Vancouver and Harvard
 * ship with it, and any .csl file can be added. About 750 kB, so esbuild.mjs makes it a bundle of
 * its own (dist/csl.js), loaded the first time a styled reference is asked for.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

export interface CslEngine {
  /** One reference in `style` (a built-in template name, or a name registered with `addStyle`). */
  format(item: Record<string, unknown>, style: string): string;
  addStyle(name: string, xml: string): void;
  hasStyle(name: string): boolean;
}

interface Templates {
  add(name: string, xml: string): void;
  has(name: string): boolean;
}

const templates = (plugins.config.get('@csl') as { templates: Templates }).templates;

export const engine: CslEngine = {
  format(item, style) {
    const text = new Cite([item]).format('bibliography', { format: 'text', template: style, lang: 'en-US' });
    // A one-entry bibliography: drop numbering ("1. ", "[1]") and the trailing newline.
    return text.replace(/^\s*(?:\[\d+\]|\d+\.)\s+/, '').replace(/\s+$/, '');
  },
  addStyle(name, xml) {
    templates.add(name, xml);
  },
  hasStyle(name) {
    return templates.has(name);
  },
};
