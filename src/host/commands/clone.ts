import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { escapeIcons, escapeMessageLinks, shortTitle } from '../../core/view/present';
import { abstractRepos, cloneCandidates } from '../../core/clone/candidates';
import { freeFolderName } from '../../core/clone/gitErrors';
import type { CloneTarget } from '../../core/clone/repoUrl';
import { LOOPBACK_HOSTS } from '../../core/net/hosts';
import { isLocalEndpoint } from '../../core/feed/endpoint';
import type { Paper } from '../../core/paper/model';
import type { Cloner } from '../clone/cloner';
import { readCloneConfig, readFeedConfig } from '../config';
import { type PaperCommandContext, resolvePaper } from './openPaper';
import { UserError } from './register';

/**
 * The questions cloning asks. Replaceable by the integration tests, which cannot click dialogs;
 * everything else in the clone runs for real.
 */
export class ClonePrompts {
  /** Several repositories: which one. */
  pickTarget: (targets: readonly CloneTarget[]) => Thenable<CloneTarget | undefined> = async (targets) => {
    const picked = await vscode.window.showQuickPick(
      targets.map((target) => ({ label: escapeIcons(target.display), description: target.branch ? vscode.l10n.t('branch {0}', target.branch) : undefined, target })),
      { title: vscode.l10n.t('Clone Repository'), placeHolder: vscode.l10n.t('This paper links several repositories: which one?'), ignoreFocusOut: true },
    );
    return picked?.target;
  };

  /** No `paperFeed.clone.directory`: the folder to clone into. */
  pickParent: (defaultUri: vscode.Uri) => Thenable<vscode.Uri | undefined> = async (defaultUri) => {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri,
      title: vscode.l10n.t('Choose where to clone the repository'), openLabel: vscode.l10n.t('Clone Here'),
    });
    return picked?.[0];
  };

  /** The folder exists: open it, clone under another name, or stop. */
  existing: (folder: string, otherName: string) => Thenable<'open' | 'rename' | undefined> = async (folder, otherName) => {
    const open = vscode.l10n.t('Open It');
    const rename = vscode.l10n.t('Clone as {0}', otherName);
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Paper Feed never overwrites a folder.', path.basename(folder)),
      { modal: true, detail: folder },
      open, rename,
    );
    return choice === open ? 'open' : choice === rename ? 'rename' : undefined;
  };

  /** What to do with a clone: not awaited by the command. */
  afterClone: (folder: string, message: string) => void = (folder, message) => {
    void offerFolderActions(folder, message);
  };

  /** The workspace is not trusted. */
  untrusted: () => void = () => {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Cloning runs Git, which Paper Feed does only in a trusted workspace. Trust this workspace to clone repositories.'),
      manage,
    ).then((choice) => choice === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined);
  };

  /** Replaceable so that a test can act as an untrusted workspace. */
  isTrusted: () => boolean = () => vscode.workspace.isTrusted;
}

export interface CloneDeps {
  readonly papers: PaperCommandContext;
  readonly cloner: Cloner;
  readonly prompts: ClonePrompts;
}

/** The hosts the user allows besides the well-known code hosts. */
export function allowedHosts(): string[] {
  const listed = readCloneConfig().allowedHosts;
  // Repositories on this machine only when the feed itself comes from it (a local mirror, a test
  // server): a feed from the internet must not point git at a local service.
  return isLocalEndpoint(readFeedConfig(() => undefined).endpoint) ? [...listed, ...LOOPBACK_HOSTS] : listed;
}

/** Whether the paper has a repository Paper Feed would clone (for menus and the panel's button). */
export function canClone(paper: Pick<Paper, 'githubRepo' | 'projectPage'>): boolean {
  return cloneCandidates(paper, allowedHosts()).targets.length > 0;
}

/** The repository of the paper's abstract written as `url`, which the clone policy accepts. */
function abstractTarget(paper: Paper, url: string): CloneTarget {
  const repo = abstractRepos(paper, allowedHosts()).find((candidate) => candidate.url === url);
  if (!repo) {
    throw new UserError(vscode.l10n.t('Paper Feed clones only the repositories a paper links: the abstract of “{0}” offers no {1}.',
      shortTitle(paper.title), url.slice(0, 200)));
  }
  return repo.target;
}

/**
 * `paperFeed.cloneRepository [paper] [url]`: clones the paper's code repository into
 * `paperFeed.clone.directory` (or a folder the user picks), never over an existing folder. With
 * `url` (a string), a repository the paper's abstract links instead (the URL as written there): it is looked up
 * in the paper itself, so nothing else is cloned. Returns the clone's folder, or undefined when
 * nothing was cloned.
 */
export async function cloneRepository(deps: CloneDeps, arg: unknown, url?: unknown): Promise<string | undefined> {
  if (!deps.prompts.isTrusted()) {
    deps.prompts.untrusted();
    return undefined;
  }
  const paper = await resolvePaper(deps.papers, arg);
  if (!paper) {
    return undefined;
  }
  // Only a string: a tree menu passes the selected nodes as the second argument.
  const { targets, refused } = typeof url !== 'string' ? cloneCandidates(paper, allowedHosts()) : { targets: [abstractTarget(paper, url)], refused: undefined };
  if (targets.length === 0) {
    throw new UserError(refused
      ? vscode.l10n.t('Paper Feed will not clone {0}: {1}.', refused.url.slice(0, 200), refused.reason)
      : vscode.l10n.t('No code repository is known for “{0}”.', shortTitle(paper.title)));
  }
  const target = targets.length === 1 ? targets[0] : await deps.prompts.pickTarget(targets);
  if (!target) {
    return undefined;
  }
  const parent = await cloneParent(deps.prompts);
  if (!parent) {
    return undefined;
  }
  let folder = path.join(parent, target.name);
  if (existsSync(folder)) {
    const otherName = freeFolderName(target.name, (name) => existsSync(path.join(parent, name)));
    const choice = await deps.prompts.existing(folder, otherName);
    if (choice === 'open') {
      deps.prompts.afterClone(folder, vscode.l10n.t('{0} is already there.', folder));
      return undefined;
    }
    if (choice !== 'rename') {
      return undefined;
    }
    folder = path.join(parent, otherName);
  }
  if (deps.cloner.isCloning(folder)) {
    throw new UserError(vscode.l10n.t('{0} is being cloned into {1} already.', target.display, folder));
  }
  try {
    await mkdir(parent, { recursive: true });
    // Claims the folder: creating it fails if it appeared meanwhile (another clone, another window),
    // so a clone only ever writes into, and on failure removes, a folder it made itself.
    await mkdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(vscode.l10n.t('{0} appeared while Paper Feed was getting ready to clone; it was left as it is.', folder));
    }
    throw new UserError(vscode.l10n.t('Could not create {0}: {1}', folder, error instanceof Error ? error.message : String(error)));
  }
  const { shallow, submodules } = readCloneConfig();
  const outcome = await deps.cloner.clone(target, folder, { shallow, submodules });
  switch (outcome.status) {
    case 'cancelled':
      vscode.window.setStatusBarMessage(vscode.l10n.t('Clone of {0} cancelled.', escapeIcons(target.display)), 5_000);
      return undefined;
    case 'failed':
      throw new UserError(vscode.l10n.t('Could not clone {0}. {1}', target.display, outcome.failure.message));
    case 'cloned':
      // One clone is remembered per paper (Open Clone): a repository from the abstract never replaces
      // the paper's own; it is remembered only for a paper with no repository of its own and no clone yet.
      if (typeof url !== 'string' || (paper.githubRepo === undefined && deps.cloner.clonedFolder(paper.id) === undefined)) {
        await deps.cloner.remember(paper.id, outcome.folder);
      }
      deps.prompts.afterClone(outcome.folder, vscode.l10n.t('Cloned {0} into {1}.', target.display, outcome.folder));
      return outcome.folder;
  }
}

/** `paperFeed.openClonedRepository [paper]`: offers to open where the paper was cloned. */
export async function openClonedRepository(deps: CloneDeps, arg: unknown): Promise<string | undefined> {
  const paper = await resolvePaper(deps.papers, arg);
  if (!paper) {
    return undefined;
  }
  const folder = deps.cloner.clonedFolder(paper.id);
  if (!folder) {
    throw new UserError(vscode.l10n.t('“{0}” has not been cloned here (or its folder was moved).', shortTitle(paper.title)));
  }
  deps.prompts.afterClone(folder, vscode.l10n.t('“{0}” was cloned into {1}.', shortTitle(paper.title), folder));
  return folder;
}

/** `paperFeed.clone.directory` (absolute, or `~/…`), else a folder the user picks. */
async function cloneParent(prompts: ClonePrompts): Promise<string | undefined> {
  const configured = readCloneConfig().directory;
  if (configured) {
    if (!path.isAbsolute(configured)) {
      throw new UserError(vscode.l10n.t('paperFeed.clone.directory must be an absolute path (or start with ~/): {0}', configured));
    }
    return path.normalize(configured);
  }
  const first = vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === 'file');
  const start = first ? vscode.Uri.joinPath(first.uri, '..') : vscode.Uri.file(homedir());
  const picked = await prompts.pickParent(start);
  if (picked && picked.scheme !== 'file') {
    throw new UserError(vscode.l10n.t('Paper Feed clones onto this machine\'s disk only; {0} is not a local folder.', picked.toString()));
  }
  return picked?.fsPath;
}

/** The notification after a clone: open it in a new window, add it to the workspace, or read its README. */
async function offerFolderActions(folder: string, message: string): Promise<void> {
  const openWindow = vscode.l10n.t('Open in New Window');
  const addFolder = vscode.l10n.t('Add to Workspace');
  const openReadme = vscode.l10n.t('Open README');
  const readme = ['README.md', 'README.rst', 'README.txt', 'README', 'readme.md'].map((name) => path.join(folder, name)).find((file) => existsSync(file));
  const choice = await vscode.window.showInformationMessage(escapeMessageLinks(message), openWindow, addFolder, ...(readme ? [openReadme] : []));
  const uri = vscode.Uri.file(folder);
  if (choice === openWindow) {
    await vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: true });
  } else if (choice === addFolder) {
    vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri });
  } else if (choice === openReadme && readme) {
    await vscode.window.showTextDocument(vscode.Uri.file(readme), { preview: true });
  }
}

