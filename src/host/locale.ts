import * as vscode from 'vscode';

/**
 * The display language dates and times are written in (`en`, `de`, `zh-cn`…): VS Code's, which
 * core's formatters (core/time/format.ts) take as a parameter since core has no VS Code.
 */
export function displayLocale(): string {
  return vscode.env.language;
}
