import * as vscode from 'vscode';
import { showErrorWithLog } from '../failure';
import type { CommandId } from '../ids';

/**
 * Registers a command whose failures are logged and shown once, with a Show Log action,
 * instead of surfacing as VS Code's bare "command resulted in an error".
 */
export function registerCommand(
  id: CommandId,
  handler: (...args: unknown[]) => unknown,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`${id} failed:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
      void showErrorWithLog(log, errorMessage(error));
      return undefined;
    }
  });
}

/** A command argument as a message may quote it: a string as given, anything else as JSON, at most 60 characters. */
export function describeArg(value: unknown): string {
  let text: string | undefined;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    text = undefined; // a cycle or a BigInt
  }
  return (text ?? typeof value).slice(0, 60);
}

/** Errors we raise on purpose carry a user-facing message; anything else is reported generically. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

function errorMessage(error: unknown): string {
  if (error instanceof UserError) {
    return error.message;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return vscode.l10n.t('Paper Feed: something went wrong ({0}).', detail);
}
