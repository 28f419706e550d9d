import * as vscode from 'vscode';
import type { PaperStore } from '../paperStore';
import { PAPERS_VIEW_ID } from '../tree/papersTree';

/** Reloads the feed, with progress shown on the Papers view. (The sample feed until the live feed lands.) */
export async function refresh(store: PaperStore): Promise<void> {
  await vscode.window.withProgress(
    { location: { viewId: PAPERS_VIEW_ID }, title: vscode.l10n.t('Refreshing papers') },
    () => store.loadSample(),
  );
}
