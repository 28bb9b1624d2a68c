import type { PluginManifest } from './manifest.js';

export interface InstalledPlugin {
  manifest: PluginManifest<unknown>;
  options: unknown;
}

/**
 * Checks the plugin list (duplicates, missing dependencies, cycles) and returns it in
 * dependency order, otherwise keeping the config's order.
 */
export function orderPlugins(list: readonly InstalledPlugin[]): InstalledPlugin[] {
  const byId = new Map<string, { p: InstalledPlugin; at: number }>();
  list.forEach((p, at) => {
    const prev = byId.get(p.manifest.id);
    if (prev)
      throw new Error(
        `plugin ${p.manifest.id} is installed twice (plugins[${prev.at}] and plugins[${at}])`,
      );
    byId.set(p.manifest.id, { p, at });
  });
  for (const p of list)
    for (const dep of p.manifest.requires ?? [])
      if (!byId.has(dep))
        throw new Error(`plugin ${p.manifest.id} requires plugin ${dep}, which is not installed`);

  const out: InstalledPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: InstalledPlugin, path: string[]): void => {
    const id = p.manifest.id;
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`plugin dependency cycle: ${[...path, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const dep of p.manifest.requires ?? []) visit(byId.get(dep)!.p, [...path, id]);
    state.set(id, 'done');
    out.push(p);
  };
  for (const p of list) visit(p, []);
  return out;
}
