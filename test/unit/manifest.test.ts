import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Commands, ContextKeys, InternalCommands, LanguageModelTools, PANEL_VIEW_TYPE, Views } from '../../src/host/ids';
import { root, sharedPath } from '../support/paths';

interface CommandContribution { command: string; title: string; category?: string; icon?: string }
interface MenuEntry { command: string; when?: string }
interface ToolContribution {
  name: string; toolReferenceName?: string; displayName?: string; modelDescription?: string; userDescription?: string;
  inputSchema?: { type?: string; properties?: Record<string, { type?: string; description?: string }>; required?: string[] };
}
/** The parts of package.json these tests read. */
interface Manifest {
  name: string;
  icon: string;
  activationEvents: string[];
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  capabilities: Record<string, { supported: unknown; description: unknown } | undefined>;
  contributes: {
    commands: CommandContribution[];
    menus: Record<string, MenuEntry[]>;
    configuration?: { properties?: Record<string, unknown> };
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    languageModelTools?: ToolContribution[];
  };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contract = readFileSync(sharedPath('docs', 'CONTRACT.md'), 'utf8');
const contributed = manifest.contributes.commands.map((entry) => entry.command);

/** The bullet `- <label>: …` of the contract's "Names for the next capabilities": names reserved for coming features. */
function nextNames(label: string): string {
  const section = contract.split('## Names for the next capabilities')[1]?.split('\n## ')[0] ?? '';
  return section.split('\n').find((line) => line.startsWith(`- ${label}:`)) ?? '';
}

/** Command ids named in the contract's Commands table, or reserved for a coming feature. */
/**
 * Names added beyond CONTRACT.md (which lives outside the repository): the CHANGELOG says so, on
 * lines that start `- Names added to the contract:`, each name in backticks with its `paperFeed.`.
 */
function addedNames(): string[] {
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
  return changelog.split('\n').filter((line) => line.startsWith('- Names added to the contract:'))
    .flatMap((line) => [...line.matchAll(/`(paperFeed\.[A-Za-z.]+)`/g)].map((match) => match[1] as string));
}

function contractCommands(): Set<string> {
  const ids = new Set<string>(addedNames());
  for (const line of contract.split('\n').filter((row) => row.startsWith('| `paperFeed.'))) {
    const firstCell = line.split('|')[1] ?? '';
    for (const match of firstCell.matchAll(/`(paperFeed\.[A-Za-z]+)`/g)) {
      ids.add(match[1] as string);
    }
  }
  for (const match of nextNames('Commands').matchAll(/`(paperFeed\.[A-Za-z]+)`/g)) {
    ids.add(match[1] as string);
  }
  return ids;
}

/** Setting names (without the `paperFeed.` prefix) listed under the contract's Settings heading, or reserved for a coming feature. */
function contractSettings(): Set<string> {
  const section = contract.split('## Settings')[1]?.split('\n## ')[0] ?? '';
  const settingsLine = section.split('\n').find((line) => line.startsWith('`endpoint`')) ?? '';
  const pattern = /`([a-zA-Z]+(?:\.[a-zA-Z]+)?)`/g;
  return new Set([
    ...[...settingsLine.matchAll(pattern), ...nextNames('Settings').matchAll(pattern)].map((match) => match[1] as string),
    ...addedNames().map((name) => name.slice('paperFeed.'.length)),
  ]);
}

/** The sources that register commands: registerCommands.ts, and the citing features' files. */
function registeringSources(): string {
  const citing = join(root, 'src', 'host', 'citing');
  return [join(root, 'src', 'host', 'commands', 'registerCommands.ts'), ...readdirSync(citing).map((file) => join(citing, file))]
    .map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('manifest', () => {
  it('contributes exactly the command ids the code registers, both ways', () => {
    assert.deepEqual([...contributed].sort(), Object.values(Commands).sort());
  });

  it('registers every command id in registerCommands (or, for the citing features, in src/host/citing)', () => {
    const extension = registeringSources();
    for (const key of Object.keys(Commands)) {
      assert.match(extension, new RegExp(`registerCommand\\(Commands\\.${key}\\b`), `Commands.${key} is not registered`);
    }
  });

  it('registers the internal commands, and keeps them out of the manifest', () => {
    const extension = registeringSources();
    for (const [key, id] of Object.entries(InternalCommands)) {
      assert.match(extension, new RegExp(`registerCommand\\(InternalCommands\\.${key}\\b`), `InternalCommands.${key} is not registered`);
      assert.ok(!contributed.includes(id), `${id} is internal: not for the palette`);
    }
  });

  it('contributes exactly the views the code creates, both ways', () => {
    const views = (manifest.contributes.views.paperFeed as { id: string }[]).map((view) => view.id);
    assert.deepEqual([...views].sort(), Object.values(Views).sort());
  });

  it('uses in when and enablement clauses exactly the context keys the code sets, both ways', () => {
    const clauses: string[] = [];
    for (const entries of Object.values(manifest.contributes.menus)) {
      clauses.push(...entries.map((entry) => entry.when ?? ''));
    }
    clauses.push(...(manifest.contributes.commands as { enablement?: string }[]).map((entry) => entry.enablement ?? ''));
    clauses.push(...manifest.contributes.viewsWelcome.map((entry) => entry.when ?? ''));
    const views: readonly string[] = Object.values(Views);
    // Regexes in clauses (`/^paperFeed\.(papers|saved)$/`) escape the dot and are not matched here.
    const keys = new Set(clauses.flatMap((clause) => clause.match(/\bpaperFeed\.[A-Za-z]+\b/g) ?? []).filter((key) => !views.includes(key)));
    assert.deepEqual([...keys].sort(), Object.values(ContextKeys).sort());
  });

  it('contributes exactly the language model tools of ids.ts, each described for the model and the user, with a schema', () => {
    const tools = manifest.contributes.languageModelTools ?? [];
    assert.deepEqual(tools.map((tool) => tool.name).sort(), Object.values(LanguageModelTools).sort());
    for (const tool of tools) {
      assert.match(tool.name, /^paperFeed_[a-z][A-Za-z]+$/, tool.name);
      assert.match(tool.toolReferenceName ?? '', /^papers[A-Z][A-Za-z]*$/, `${tool.name}: toolReferenceName starts with "papers"`);
      for (const field of ['displayName', 'modelDescription', 'userDescription'] as const) {
        const key = /^%([\w.]+)%$/.exec(tool[field] ?? '')?.[1];
        assert.ok(key && (nls[key]?.length ?? 0) > 3, `${tool.name}: ${field} is a string of package.nls.json`);
      }
      assert.equal(tool.inputSchema?.type, 'object', `${tool.name}: inputSchema`);
      const properties = Object.entries(tool.inputSchema.properties ?? {});
      assert.ok(properties.length > 0, `${tool.name}: inputSchema has properties`);
      for (const [name, schema] of properties) {
        assert.ok(schema.type && schema.description, `${tool.name}.${name}: a type and a description`);
      }
      for (const name of tool.inputSchema.required ?? []) {
        assert.ok(tool.inputSchema.properties?.[name], `${tool.name}: required ${name} is a property`);
      }
    }
    assert.equal(new Set(tools.map((tool) => tool.toolReferenceName)).size, tools.length, 'no two tools share a reference name');
  });

  it('registers every language model tool by its ids.ts name', () => {
    const source = readFileSync(join(root, 'src', 'host', 'tools', 'registerTools.ts'), 'utf8');
    for (const key of Object.keys(LanguageModelTools)) {
      assert.match(source, new RegExp(`LanguageModelTools\\.${key}\\b`), `LanguageModelTools.${key} is not registered`);
    }
  });

  it('restores the panel by the view type the code creates it with', () => {
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${PANEL_VIEW_TYPE}`));
  });

  it('uses only command ids the contract names', () => {
    const known = contractCommands();
    assert.ok(known.size >= 20, `parsed only ${known.size} commands from CONTRACT.md`);
    for (const id of contributed) {
      assert.ok(known.has(id), `${id} is not in CONTRACT.md`);
    }
  });

  it('orders every setting by importance and describes each value of a choice', () => {
    const properties = Object.entries(manifest.contributes.configuration?.properties ?? {}) as [string, Record<string, unknown>][];
    const orders = properties.map(([, schema]) => schema.order);
    assert.ok(orders.every((order) => typeof order === 'number'), 'every setting has an order');
    assert.equal(new Set(orders).size, orders.length, 'no two settings share an order');
    for (const [key, schema] of properties) {
      const choices = [schema, ...((schema.anyOf as Record<string, unknown>[] | undefined) ?? [])].filter((part) => Array.isArray(part.enum));
      for (const part of choices) {
        const described = (part.markdownEnumDescriptions ?? part.enumDescriptions) as unknown[] | undefined;
        assert.equal(described?.length, (part.enum as unknown[]).length, `${key}: a description for each value`);
      }
      assert.ok(typeof schema.markdownDescription === 'string' || typeof schema.description === 'string', `${key} is described`);
    }
  });

  it('declares only paperFeed.* settings the contract names', () => {
    const known = contractSettings();
    assert.ok(known.has('endpoint') && known.has('panel.reuse'), 'could not read the settings list of CONTRACT.md');
    const properties = Object.keys(manifest.contributes.configuration?.properties ?? {});
    for (const key of properties) {
      assert.ok(key.startsWith('paperFeed.'), `${key} is not under paperFeed.`);
      assert.ok(known.has(key.slice('paperFeed.'.length)), `${key} is not in CONTRACT.md`);
    }
  });

  it('gives every command the "Paper Feed" category and a localised title', () => {
    for (const entry of manifest.contributes.commands) {
      assert.equal(entry.category, 'Paper Feed', entry.command);
      assert.match(entry.title, /^%[\w.]+%$/, `${entry.command} title is not in package.nls.json`);
    }
  });

  it('resolves every %placeholder% from package.nls.json and has no unused strings', () => {
    const text = readFileSync(join(root, 'package.json'), 'utf8');
    const used = new Set([...text.matchAll(/"%([\w.]+)%"/g)].map((match) => match[1] as string));
    for (const key of used) {
      assert.ok(nls[key], `package.nls.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('puts only contributed commands in menus', () => {
    const menus = manifest.contributes.menus;
    for (const [menu, entries] of Object.entries(menus)) {
      for (const entry of entries) {
        assert.ok(contributed.includes(entry.command), `${menu} names unknown command ${entry.command}`);
      }
    }
  });

  it('uses the contract identity for the container and the view', () => {
    assert.equal(manifest.name, 'paper-feed');
    assert.equal(nls.displayName, 'Paper Feed');
    assert.equal(manifest.contributes.viewsContainers.activitybar[0]?.id, 'paperFeed');
    assert.equal(manifest.contributes.views.paperFeed?.[0]?.id, 'paperFeed.papers');
  });

  it('pins @types/vscode to the engines floor', () => {
    assert.equal(manifest.engines.vscode, '^1.96.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.96.0');
  });

  it('declares untrusted and virtual workspace support with descriptions', () => {
    for (const key of ['untrustedWorkspaces', 'virtualWorkspaces']) {
      const capability = manifest.capabilities[key];
      assert.ok(capability && 'supported' in capability, key);
      assert.ok(nls[String(capability.description).replace(/%/g, '')], `${key} has no description`);
    }
  });

  it('has a 128×128 PNG icon and an SVG view icon', () => {
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
    const svg = readFileSync(join(root, manifest.contributes.viewsContainers.activitybar[0]?.icon ?? ''), 'utf8');
    assert.match(svg, /^<svg[^>]+currentColor/);
  });

  it('packages from an allowlist', () => {
    const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.ok(lines.slice(1).every((line) => line.startsWith('!')));
  });
});
