/** Citing several papers from one Search Papers picker, in the real host, into a real .tex and .bib. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, paperFeed, waitFor, writeWorkspaceFile, readWorkspaceFile } from '../helpers';

type Picker = NonNullable<Awaited<ReturnType<typeof paperFeed>>['testing']['searchPickers']['current']>;
type Item = Picker['items'][number];

/** The key of the .bib entry for arXiv paper `id`. */
function keyFor(bib: string, id: string): string | undefined {
  return bib.split(/^@/m).find((entry) => entry.includes(`eprint = {${id}}`))?.match(/^\w+\{([^,\s]+),/)?.[1];
}

/** Clicks the item's button with that tooltip, as the picker's onDidTriggerItemButton would, and waits for its command. */
async function press(item: Item, tooltip: string): Promise<void> {
  const { testing } = await paperFeed();
  const button = item.buttons?.find((candidate) => candidate.tooltip === tooltip);
  assert.ok(button, `${item.label} has a “${tooltip}” button`);
  const pressButton = testing.searchPickers.pressButton;
  assert.ok(pressButton, 'a picker is open');
  await pressButton({ item, button });
}

describe('search: citing several papers', () => {
  before(async () => {
    const { testing } = await paperFeed();
    await testing.search.ready;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  it('"Insert Citation and Keep Open" cites one paper after another into one \\cite{a,b}; plain Insert closes the picker', async () => {
    const { testing } = await paperFeed();
    await writeWorkspaceFile('several.bib', '');
    const tex = await writeWorkspaceFile('several.tex', 'See .\n\\bibliography{several}\n');
    const editor = await vscode.window.showTextDocument(tex);
    editor.selection = new vscode.Selection(0, 4, 0, 4);
    const text = 'self-supervised';
    await vscode.commands.executeCommand('paperFeed.search', text);
    const picker = await waitFor('the search picker', () => testing.searchPickers.current);
    const papers = await waitFor('three results', () => {
      const found = testing.searchPickers.itemsFor === text ? picker.items.filter((item) => item.paper) : [];
      return found.length >= 3 ? found : undefined;
    });
    const [first, second, third] = papers as [Item, Item, Item];

    await press(first, 'Insert Citation and Keep Open');
    const firstKey = keyFor(await readWorkspaceFile('several.bib'), first.paper?.id ?? '');
    assert.ok(firstKey, 'the first entry is in the .bib');
    assert.equal(editor.document.getText(), `See \\cite{${firstKey}}.\n\\bibliography{several}\n`);
    assert.equal(testing.searchPickers.current, picker, 'the picker is still open');
    assert.equal(picker.value, text, 'with its query');

    await press(second, 'Insert Citation and Keep Open');
    const secondKey = keyFor(await readWorkspaceFile('several.bib'), second.paper?.id ?? '');
    assert.ok(secondKey, 'the second entry is in the .bib');
    assert.equal(editor.document.getText(), `See \\cite{${firstKey},${secondKey}}.\n\\bibliography{several}\n`);
    assert.equal(testing.searchPickers.current, picker, 'the picker is still open after the second');

    await press(third, 'Insert Citation');
    await waitFor('the picker to close', () => (testing.searchPickers.current === undefined ? true : undefined));
    const bib = await readWorkspaceFile('several.bib');
    const thirdKey = keyFor(bib, third.paper?.id ?? '');
    assert.equal(editor.document.getText(), `See \\cite{${firstKey},${secondKey},${thirdKey}}.\n\\bibliography{several}\n`);
    assert.equal(bib.match(/^@/gm)?.length, 3, 'one entry each');
  });
});
