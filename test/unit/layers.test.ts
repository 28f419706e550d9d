/**
 * The house rules of ARCHITECTURE.md, checked on the source as text so they stay true: which layer
 * may import which, no import cycles, no source file over 400 lines, no two files of one name.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports, `import()` and `require()` of a literal. */
export function importSpecifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      found.push(match[1] as string);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) {
    return undefined;
  }
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, join(base, 'index.ts')].find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** The layer of a file under src: core, host, shared, webview, or the composition root. */
function layerOf(file: string): string {
  const rel = relative(src, file).split(/[\\/]/);
  return rel.length === 1 ? 'root' : (rel[0] as string);
}

/** Layers each layer may import (besides itself); `vscode` only where listed in VSCODE. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  root: ['host', 'core', 'shared'],
  host: ['core', 'shared'],
  core: [],
  shared: [],
  webview: ['shared'],
};
const VSCODE = new Set(['root', 'host']);
/** src/core's folders, lowest first: each may import only itself and folders before it. */
const CORE_ORDER = ['time', 'net', 'paper', 'storage', 'topics', 'view', 'feed', 'citation', 'enrich', 'clone', 'fulltext', 'discovery', 'search', 'tools'];

function coreFolder(file: string): string | undefined {
  const rel = relative(join(src, 'core'), file).split(/[\\/]/);
  return rel.length > 1 && rel[0] !== '..' ? rel[0] : undefined;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
        cycles.push(component.sort());
      }
    }
  };
  for (const node of graph.keys()) {
    if (!index.has(node)) {
      visit(node);
    }
  }
  return cycles;
}

describe('the layout (ARCHITECTURE.md)', () => {
  const files = sourceFiles(src);
  const graph = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  for (const file of files) {
    const specifiers = importSpecifiers(readFileSync(file, 'utf8'));
    graph.set(file, specifiers.map((specifier) => resolveLocal(file, specifier)).filter((target): target is string => target !== undefined));
    external.set(file, specifiers.filter((specifier) => !specifier.startsWith('.')));
  }
  const name = (file: string): string => relative(root, file).split(/[\\/]/).join('/');

  it('finds the source tree', () => {
    assert.ok(files.length > 50, `only ${files.length} files under src`);
    assert.ok(graph.get(join(src, 'extension.ts'))?.length, 'extension.ts imports nothing local?');
  });

  it('lets each layer import only the layers below it', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const layer = layerOf(file);
      for (const target of targets) {
        const targetLayer = layerOf(target);
        if (targetLayer !== layer && !(MAY_IMPORT[layer] ?? []).includes(targetLayer)) {
          wrong.push(`${name(file)} -> ${name(target)}`);
        }
      }
      if (!VSCODE.has(layer) && (external.get(file) ?? []).includes('vscode')) {
        wrong.push(`${name(file)} -> vscode`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('keeps src/core in folders that import only the folders below them', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = coreFolder(file);
      if (from === undefined) {
        continue;
      }
      if (!CORE_ORDER.includes(from)) {
        wrong.push(`${name(file)}: src/core/${from} is not in the order of ARCHITECTURE.md`);
      }
      for (const target of targets) {
        const to = coreFolder(target);
        if (to === undefined || CORE_ORDER.indexOf(to) > CORE_ORDER.indexOf(from)) {
          wrong.push(`${name(file)} -> ${name(target)}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has no import cycle', () => {
    assert.deepEqual(findCycles(graph).map((cycle) => cycle.map(name)), []);
  });

  it('keeps every source file at 400 lines or fewer', () => {
    const long = files
      .map((file) => ({ file: name(file), lines: readFileSync(file, 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > 400);
    assert.deepEqual(long, []);
  });

  it('gives no two source files the same name', () => {
    const byName = new Map<string, string[]>();
    for (const file of files) {
      byName.set(basename(file), [...(byName.get(basename(file)) ?? []), name(file)]);
    }
    assert.deepEqual([...byName.values()].filter((paths) => paths.length > 1), []);
  });
});

describe('findCycles', () => {
  it('finds a two-file cycle and a self-import, and nothing in a tree', () => {
    const cyclic = new Map([['a', ['b']], ['b', ['a', 'c']], ['c', []], ['d', ['d']]]);
    assert.deepEqual(findCycles(cyclic), [['a', 'b'], ['d']]);
    assert.deepEqual(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), []);
  });
});

describe('importSpecifiers', () => {
  it('reads imports, type imports, re-exports, side-effect imports, import() and require()', () => {
    const text = [
      "import * as vscode from 'vscode';",
      "import type { Paper } from '../paper/model';",
      "import {\n  a,\n  b,\n} from './multi';",
      "export { x } from './reexport';",
      "import './sideEffect';",
      "const lazy = await import('./lazy');",
      "const csl = require('./csl');",
    ].join('\n');
    assert.deepEqual(importSpecifiers(text).sort(), ['../paper/model', './csl', './lazy', './multi', './reexport', './sideEffect', 'vscode']);
  });
});
