import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperFeedApi, PaperFeedTestHooks } from '../../src/host/api';
import type { PaperNode, TreeNode } from '../../src/host/tree/nodes';

export const EXTENSION_ID = 'paper-feed.paper-feed';

/** Activates Paper Feed, waits for its first load, and returns its API with the test hooks. */
export async function paperFeed(): Promise<PaperFeedApi & { testing: PaperFeedTestHooks }> {
  const extension = vscode.extensions.getExtension<PaperFeedApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
  const api = await extension.activate();
  assert.ok(api.testing, 'the test hooks are missing: is the extension running in test mode?');
  await api.testing.loaded;
  return api as PaperFeedApi & { testing: PaperFeedTestHooks };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The webview tabs (panels) open in any group. */
export function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));
}

/** Every paper node under `node` (or in the whole tree), in display order, through the provider. */
export async function papersUnder(provider: vscode.TreeDataProvider<TreeNode>, node?: TreeNode): Promise<PaperNode[]> {
  const found: PaperNode[] = [];
  for (const child of (await provider.getChildren(node)) ?? []) {
    if (child.kind === 'paper') {
      found.push(child);
    } else {
      found.push(...await papersUnder(provider, child));
    }
  }
  return found;
}

/** A tree item with its tooltip resolved, as VS Code shows it on hover. */
export async function resolvedItem(provider: vscode.TreeDataProvider<TreeNode>, node: TreeNode): Promise<vscode.TreeItem> {
  const treeItem = await provider.getTreeItem(node);
  return (await provider.resolveTreeItem?.(treeItem, node, new vscode.CancellationTokenSource().token)) ?? treeItem;
}

export function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'string' ? label : label?.label ?? '';
}

/**
 * Replaces the link opener's browser and its question, so that tests never open a real browser:
 * what would open goes into `opened`, every question is answered no and its host goes into `asked`.
 */
export async function recordLinks(opened: string[], asked: string[]): Promise<void> {
  const { testing } = await paperFeed();
  testing.opener.openExternal = async (uri) => {
    opened.push(uri.toString(true));
    return true;
  };
  testing.opener.confirm = async (host) => {
    asked.push(host);
    return false;
  };
}

/** The test workspace's first folder. */
export function workspaceFolder(): vscode.Uri {
  return (vscode.workspace.workspaceFolders?.[0] as vscode.WorkspaceFolder).uri;
}

/** Writes `text` to `name` in the test workspace. */
export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The text of `name` in the test workspace. */
export async function readWorkspaceFile(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder(), name)));
}

/** Opens `name` in the test workspace with `template`'s text, a cursor at each `|`. */
export async function editorWith(name: string, template: string): Promise<vscode.TextEditor> {
  const parts = template.split('|');
  const editor = await vscode.window.showTextDocument(await writeWorkspaceFile(name, parts.join('')));
  let offset = 0;
  editor.selections = parts.slice(0, -1).map((part) => {
    offset += part.length;
    const at = editor.document.positionAt(offset);
    return new vscode.Selection(at, at);
  });
  return editor;
}

/**
 * Picks the item `which` finds in a QuickPick as a person would: makes it the active item, then Enter.
 * The host sends picker changes to the workbench a moment later: accept once it has the item (the
 * same item, if the list is redrawn meanwhile).
 */
export async function acceptItem<T extends vscode.QuickPickItem>(picker: vscode.QuickPick<T>, which: (item: T) => boolean): Promise<void> {
  const active = new Promise<void>((resolve) => {
    const listener = picker.onDidChangeActive((items) => {
      if (items[0] && which(items[0])) {
        listener.dispose();
        resolve();
      }
    });
  });
  picker.activeItems = picker.items.filter(which).slice(0, 1);
  await active;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}
