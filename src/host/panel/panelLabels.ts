import * as vscode from 'vscode';
import type { PanelLabels } from '../../shared/protocol';

/** Left in a label for the page to fill in (a count, a repository). */
const SLOT = '{0}';

/** The panel's words in VS Code's display language; the page renders them with textContent. */
export function panelLabels(): PanelLabels {
  return {
    paperActions: vscode.l10n.t('Paper actions'),
    insertCitation: vscode.l10n.t('Insert citation'),
    insertCitationHint: vscode.l10n.t('Insert a citation into the editor'),
    copyCitation: vscode.l10n.t('Copy citation…'),
    copyCitationHint: vscode.l10n.t('Copy a citation'),
    save: vscode.l10n.t('Save'),
    saveHint: vscode.l10n.t('Save to the reading list'),
    saved: vscode.l10n.t('Saved ✓'),
    savedHint: vscode.l10n.t('Remove from the reading list'),
    markRead: vscode.l10n.t('Mark read'),
    markReadHint: vscode.l10n.t('Mark as read on the reading list'),
    markUnread: vscode.l10n.t('Read ✓'),
    markUnreadHint: vscode.l10n.t('Mark as unread on the reading list'),
    note: vscode.l10n.t('Note:'),
    tags: vscode.l10n.t('Tags:'),
    cloneRepository: vscode.l10n.t('Clone repository'),
    cloneRepositoryHint: vscode.l10n.t('Clone the code repository into a folder'),
    openClone: vscode.l10n.t('Open clone'),
    openCloneHint: vscode.l10n.t('Open the folder it was cloned into'),
    huggingFace: vscode.l10n.t('Hugging Face'),
    huggingFaceHint: vscode.l10n.t('Open on Hugging Face'),
    arxiv: vscode.l10n.t('arXiv'),
    arxivHint: vscode.l10n.t('Open the arXiv abstract'),
    pdf: vscode.l10n.t('PDF'),
    pdfHint: vscode.l10n.t('Open the PDF'),
    moreAuthors: vscode.l10n.t('and {0} more', SLOT),
    moreAuthorsHint: vscode.l10n.t('Show all {0} authors', SLOT),
    fewerAuthors: vscode.l10n.t('show fewer'),
    code: vscode.l10n.t('Code:'),
    codeHint: vscode.l10n.t('Open the code repository {0}', SLOT),
    projectPage: vscode.l10n.t('Project page:'),
    projectPageHint: vscode.l10n.t('Open the project page {0}', SLOT),
    aiSummary: vscode.l10n.t('AI summary'),
    abstract: vscode.l10n.t('Abstract'),
    keywords: vscode.l10n.t('Keywords'),
    onHuggingFace: vscode.l10n.t('On Hugging Face'),
    models: vscode.l10n.t('Models'),
    datasets: vscode.l10n.t('Datasets'),
    spaces: vscode.l10n.t('Spaces'),
    linkedRepoHint: vscode.l10n.t('Open {0} on Hugging Face', SLOT),
    searchKeywordHint: vscode.l10n.t('Search papers for “{0}”', SLOT),
    searchAuthorHint: vscode.l10n.t('Search papers by {0}', SLOT),
    openLinkHint: vscode.l10n.t('Open {0}', SLOT),
    cloneUrl: vscode.l10n.t('Clone'),
    cloneUrlHint: vscode.l10n.t('Clone the repository {0} into a folder', SLOT),
    comments: vscode.l10n.t('{0} comments', SLOT),
    oneComment: vscode.l10n.t('1 comment'),
    thumbnailAlt: vscode.l10n.t('Thumbnail of the paper on Hugging Face'),
  };
}
