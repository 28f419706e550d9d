import * as vscode from 'vscode';
import { describeFailure, type Failure } from '../../core/feed/failureReason';

/**
 * A failure to talk to Hugging Face as a plain sentence in the user's language: what happened and
 * what to do. The codes and statuses behind it (ECONNREFUSED, HTTP 503…) go to the log, never here.
 */
export function failureText(failure: Failure): string {
  switch (failure.reason) {
    case 'unreachable':
      return vscode.l10n.t('Hugging Face could not be reached. Check your connection or proxy.');
    case 'refused':
      return vscode.l10n.t('Hugging Face could not be reached: the connection was refused. Check your connection, proxy or the paperFeed.endpoint setting.');
    case 'connectionLost':
      return vscode.l10n.t('The connection to Hugging Face broke off. Check your connection or proxy, then try again.');
    case 'timeout':
      return vscode.l10n.t('Hugging Face did not answer in time. Check your connection, or try again later.');
    case 'certificate':
      return vscode.l10n.t('The secure connection to Hugging Face could not be verified (a certificate problem, often from a proxy). Check your proxy settings.');
    case 'rateLimited':
      return failure.retryAfterMs === undefined
        ? vscode.l10n.t('Hugging Face is limiting requests; try again later.')
        : vscode.l10n.t('Hugging Face is limiting requests; try again in {0}.', waitText(failure.retryAfterMs));
    case 'serverError':
      return vscode.l10n.t('Hugging Face is having trouble right now. Try again later.');
    case 'notFound':
      return vscode.l10n.t('Hugging Face does not have what Paper Feed asked for. Check the paperFeed.endpoint setting.');
    case 'denied':
      return vscode.l10n.t('Hugging Face refused the request. Check your token (Paper Feed: Set Hugging Face Token).');
    case 'httpError':
      return vscode.l10n.t('Hugging Face answered with an error. Try again later.');
    case 'badResponse':
      return vscode.l10n.t('Hugging Face sent an answer Paper Feed could not read. Try again later.');
    case 'cancelled':
      return vscode.l10n.t('Cancelled.');
    case 'unknown':
      return vscode.l10n.t('Something went wrong while talking to Hugging Face. Details are in the log.');
  }
}

/**
 * `error` for the user, its details logged at warning level under `what` ("Refresh of Today"):
 * the one place a network error becomes text a person reads.
 */
export function userFailure(error: unknown, log: vscode.LogOutputChannel | undefined, what: string): { readonly failure: Failure; readonly text: string } {
  const failure = describeFailure(error);
  if (failure.reason !== 'cancelled') {
    log?.warn(`${what} failed (${failure.reason}): ${failure.detail}`);
  }
  return { failure, text: failureText(failure) };
}

function waitText(ms: number): string {
  if (ms < 60_000) {
    return vscode.l10n.t('{0} seconds', Math.max(1, Math.ceil(ms / 1_000)));
  }
  const minutes = Math.ceil(ms / 60_000);
  return minutes === 1 ? vscode.l10n.t('a minute') : vscode.l10n.t('{0} minutes', minutes);
}
