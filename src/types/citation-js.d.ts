/** The parts of citation-js that src/core/citation/cslEngine.ts uses (the packages ship no types). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(kind: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string;
  }
  export const plugins: {
    config: { get(name: string): unknown };
  };
}

declare module '@citation-js/plugin-csl';
