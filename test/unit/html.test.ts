import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractDailyPapers, extractIsland } from '../../src/core/feed/html';
import { FeedFormatError } from '../../src/core/paper/normalise';
import { dailyPapersPage } from '../support/fakeHf';
import { sharedPath } from '../support/paths';

const items = JSON.parse(readFileSync(sharedPath('corpus', 'samples', 'daily_papers_2026-08-21_api.json'), 'utf8')) as unknown[];

describe('DailyPapers island extraction', () => {
  it("reads the server's own form: data-target first, data-props with &quot;", () => {
    const island = extractDailyPapers(dailyPapersPage(items, 'day', '2026-08-21'));
    assert.deepEqual(island.dailyPapers, items);
    assert.equal(island.periodType, 'day');
    assert.equal(island.dateString, '2026-08-21');
  });

  it('reads props first and single-quoted JSON (a re-serialised page)', () => {
    const props = JSON.stringify({ dailyPapers: [{ paper: { id: '1' }, title: "it's <b> & \"q\"" }] }).replace(/'/g, '&#39;');
    const island = extractDailyPapers(`<div data-props='${props}' class="SVELTE_HYDRATER contents" data-target="DailyPapers"></div>`);
    assert.deepEqual(island.dailyPapers, [{ paper: { id: '1' }, title: "it's <b> & \"q\"" }]);
  });

  it('decodes every entity form (&amp; &lt; &gt; &#39; &#x27;)', () => {
    const html = '<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:[],&quot;dateString&quot;:&quot;a &amp; b &lt;c&gt; &#39;d&#39; &#x27;e&#x27;&quot;}"></div>';
    assert.equal(extractDailyPapers(html).dateString, "a & b <c> 'd' 'e'");
  });

  it('finds other islands on a real paper page', () => {
    const page = readFileSync(sharedPath('corpus', 'samples', 'paper_page_2509.24002_bs4_prettified.html'), 'utf8');
    const props = extractIsland(page, 'PaperContent') as { paper: { id: string } };
    assert.equal(props.paper.id, '2509.24002');
  });

  it('says clearly when the island is missing or broken', () => {
    assert.throws(() => extractDailyPapers('<html><body>Rate limited</body></html>'), (error: unknown) =>
      error instanceof FeedFormatError && /no DailyPapers data/.test(error.message));
    assert.throws(() => extractDailyPapers('<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:["></div>'), /not valid JSON/);
    assert.throws(() => extractDailyPapers('<div data-target="DailyPapers" data-props="{}"></div>'), /no paper list/);
    assert.throws(() => extractDailyPapers('<div data-target="DailyPapers"></div>'), /has no props/);
  });
});
