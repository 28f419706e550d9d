/**
 * What activation costs in our own code: requiring the production bundle and running activate().
 * VS Code's own work is not in it: the `vscode` module is a minimal recording stand-in here, and the
 * real extension host's figure is in the Paper Feed log ("Activated in … ms").
 */
import { statSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { root } from '../support/paths';
import { type Bench, percentile } from './harness';

interface Recorded { commands: string[]; treeViews: string[] }

function stubVscode(recorded: Recorded): unknown {
  class EventEmitter<T> {
    private listeners: ((value: T) => void)[] = [];
    readonly event = (listener: (value: T) => void) => {
      this.listeners.push(listener);
      return { dispose: () => { this.listeners = this.listeners.filter((entry) => entry !== listener); } };
    };
    fire(value: T): void { this.listeners.forEach((listener) => listener(value)); }
    dispose(): void { this.listeners = []; }
  }
  const log = { info() {}, warn() {}, error() {}, show() {}, dispose() {} };
  const noEvent = (): { dispose(): void } => ({ dispose() {} });
  class Plain {
    constructor(...args: unknown[]) {
      Object.assign(this, { args });
    }
  }
  const api = {
    EventEmitter,
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    l10n: { t: (message: string) => message },
    env: { language: 'en' },
    window: {
      createOutputChannel: () => log,
      createTreeView: (id: string) => {
        recorded.treeViews.push(id);
        // Its events (onDidChangeVisibility, onDidExpandElement…) answer with a disposable, as any new one will.
        const view: Record<string, unknown> = { selection: [], message: undefined, visible: false, dispose() {} };
        return new Proxy(view, { get: (object, key) => (key in object ? object[key as string] : typeof key === 'string' && key.startsWith('onDid') ? noEvent : undefined) });
      },
    },
    workspace: {
      getConfiguration: () => ({ get: (_key: string, fallback: unknown) => fallback, inspect: () => undefined }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
      createFileSystemWatcher: () => ({ onDidChange: noEvent, onDidCreate: noEvent, onDidDelete: noEvent, dispose() {} }),
      textDocuments: [],
    },
    ThemeIcon: Plain,
    ThemeColor: Plain,
    CodeActionKind: { QuickFix: { value: 'quickfix' } },
    CompletionItem: Plain,
    CompletionItemKind: { Reference: 17, Folder: 18, File: 16 },
    RelativePattern: Plain,
    Uri: { joinPath: (base: { fsPath: string }, ...parts: string[]) => ({ fsPath: [base.fsPath, ...parts].join('/') }) },
    commands: {
      registerCommand: (id: string) => {
        recorded.commands.push(id);
        return { dispose() {} };
      },
    },
  };
  // Any other registration (serializers, providers…) answers with a disposable, so new API use in
  // activate() keeps this benchmark running; the figure then still counts our own code.
  const registration = (): { dispose(): void } => ({ dispose() {} });
  const namespace = (target: Record<string, unknown>): unknown => new Proxy(target, {
    get: (object, key) => (key in object ? object[key as string] : registration),
  });
  return {
    ...api,
    window: namespace(api.window),
    workspace: namespace(api.workspace),
    commands: namespace(api.commands),
    languages: namespace({}),
  };
}

export function benchActivation(bench: Bench): void {
  const bundle = join(root, 'dist', 'extension.js');
  const recorded: Recorded = { commands: [], treeViews: [] };
  const vscode = stubVscode(recorded);
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscode : original(request, ...rest));
  const realSetTimeout = globalThis.setTimeout;
  // The sample load is scheduled after activation; it is not part of activation, so it is not run here.
  globalThis.setTimeout = ((() => 0) as unknown) as typeof setTimeout;
  const samples: number[] = [];
  try {
    for (let run = 0; run < 40; run++) {
      delete require.cache[require.resolve(bundle)];
      recorded.commands = [];
      const context = { subscriptions: [] as { dispose(): void }[], extensionUri: { fsPath: root }, extensionMode: 1,
        globalStorageUri: { fsPath: join(root, '.vscode-test', 'bench-storage') }, globalState: { get: (_key: string, fallback?: unknown) => fallback, update: async () => undefined } };
      const started = performance.now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh load each run (its cache entry is deleted above), which import() cannot do
      const extension = require(bundle) as { activate(context: unknown): unknown };
      extension.activate(context);
      samples.push(performance.now() - started);
      context.subscriptions.forEach((subscription) => subscription.dispose());
    }
  } finally {
    loader._load = original;
    globalThis.setTimeout = realSetTimeout;
  }
  const measured = samples.slice(5);
  bench.record('extension.activateMsP50', percentile(measured, 50), 'ms', `require(dist/extension.js) + activate(), vscode stubbed, p50 of ${measured.length}`);
  bench.record('extension.activateMsP95', percentile(measured, 95), 'ms', 'same, p95');
  bench.record('extension.firstActivateMs', samples[0] ?? NaN, 'ms', 'first, cold require');
  bench.record('extension.commandsRegistered', recorded.commands.length, 'commands', 'registered by activate()');
  bench.record('extension.bundleKB', Math.round(statSync(bundle).size / 102.4) / 10, 'kB', 'dist/extension.js, production');
}
