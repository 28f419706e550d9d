/**
 * Paper Feed's language model tools (`contributes.languageModelTools`): what an agent in VS Code's
 * chat can call. Registering builds nothing heavy; each tool starts its work when it is invoked.
 * A tool's failure is its result, in words the model can act on: a tool never throws at the chat.
 */
import * as vscode from 'vscode';
import { LanguageModelTools, type LanguageModelToolName } from '../ids';
import { formatCitationTool, getPaperTool, listFeedTool, searchPapersTool, type ToolRun } from './readTools';
import type { ToolDeps } from './toolDeps';
import { insertCitationsTool, saveToReadingListTool, type WriteTool } from './writeTools';

interface ToolEntry {
  readonly run: ToolRun;
  readonly prepare?: WriteTool['prepare'];
}

/** The tools by name, and their registration; `tool(name)` is what VS Code calls (the tests call it too). */
export class PaperTools {
  private readonly entries: ReadonlyMap<LanguageModelToolName, ToolEntry>;
  /** Tests only: answer as in Restricted Mode (the test workbench's workspace is trusted and stays so). */
  simulateRestrictedMode = false;

  constructor(private readonly deps: ToolDeps) {
    deps = { ...deps, isTrusted: () => !this.simulateRestrictedMode && this.deps.isTrusted() };
    this.entries = new Map<LanguageModelToolName, ToolEntry>([
      [LanguageModelTools.searchPapers, { run: searchPapersTool(deps) }],
      [LanguageModelTools.getPaper, { run: getPaperTool(deps) }],
      [LanguageModelTools.listFeed, { run: listFeedTool(deps) }],
      [LanguageModelTools.formatCitation, { run: formatCitationTool(deps) }],
      [LanguageModelTools.insertCitations, insertCitationsTool(deps)],
      [LanguageModelTools.saveToReadingList, saveToReadingListTool(deps)],
    ]);
  }

  /** Registers every tool; none when this VS Code has no language model API. */
  register(): vscode.Disposable[] {
    if (typeof vscode.lm?.registerTool !== 'function') {
      this.deps.log.info('This VS Code has no language model tools API: Paper Feed\'s tools are not registered.');
      return [];
    }
    return [...this.entries.keys()].map((name) => vscode.lm.registerTool(name, this.tool(name)));
  }

  /** The tool VS Code calls for `name`. */
  tool(name: LanguageModelToolName): vscode.LanguageModelTool<unknown> {
    const entry = this.entries.get(name) as ToolEntry;
    const prepare = entry.prepare;
    return {
      invoke: async (options, token) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(await this.answer(name, entry.run, options.input, token))]),
      ...(prepare ? { prepareInvocation: (options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>) => prepare(options.input) } : {}),
    };
  }

  private async answer(name: string, run: ToolRun, input: unknown, token: vscode.CancellationToken): Promise<string> {
    const started = performance.now();
    try {
      const text = await run(input, token);
      this.deps.log.info(`Tool ${name}: answered in ${(performance.now() - started).toFixed(0)} ms (${text.length} characters).`);
      return text;
    } catch (error) {
      this.deps.log.error(`Tool ${name} failed:`, error);
      return `Paper Feed could not do this: ${error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300)}. Nothing else was changed.`;
    }
  }
}

/** Registers Paper Feed's language model tools; returns them (the tests call them directly too) and their disposables. */
export function registerTools(deps: ToolDeps): { readonly tools: PaperTools; readonly disposables: vscode.Disposable[] } {
  const tools = new PaperTools(deps);
  return { tools, disposables: tools.register() };
}
