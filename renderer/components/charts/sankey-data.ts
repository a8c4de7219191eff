// ECharts' Sankey needs a directed acyclic graph, but journeys loop: a lead returned (回流) from a
// wealth manager to online nurture goes back to a channel it came from. We keep the picture
// honest by drawing a returned visit as its own node ("App push ↩") instead of dropping the edge.

export type FlowKind =
  | 'start'
  | 'referral'
  | 'return'
  | 'no_contact'
  | 'not_interested'
  | 'converted'
  | 'end'
  | 'dropped';

export type FlowLink = { from: string; to: string; kind: FlowKind; count: number };

export type SankeyNode = { id: string; baseId: string; isRepeat: boolean };
export type SankeyLink = { source: string; target: string; kind: FlowKind; value: number };

export const REPEAT_SUFFIX = '#repeat';

/** Merge duplicate edges, drop empty ones, and split nodes so that the graph has no cycle. */
export function toSankeyGraph(flows: readonly FlowLink[]): { nodes: SankeyNode[]; links: SankeyLink[] } {
  const merged = new Map<string, SankeyLink>();
  for (const f of flows) {
    if (!(f.count > 0)) continue;
    const key = `${f.from}\u0000${f.to}\u0000${f.kind}`;
    const prev = merged.get(key);
    if (prev) prev.value += f.count;
    else merged.set(key, { source: f.from, target: f.to, kind: f.kind, value: f.count });
  }
  const adjacency = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === to) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      for (const m of adjacency.get(n) ?? []) stack.push(m);
    }
    return false;
  };
  // Forward edges first, so the repeat node is the one reached by a return or referral.
  const ordered = [...merged.values()].sort((a, b) => backEdgeRank(a.kind) - backEdgeRank(b.kind));
  const links: SankeyLink[] = [];
  for (const link of ordered) {
    let target = link.target;
    if (link.source === target || reaches(target, link.source)) target = target + REPEAT_SUFFIX;
    if (!adjacency.has(link.source)) adjacency.set(link.source, new Set());
    adjacency.get(link.source)!.add(target);
    links.push({ ...link, target });
  }
  const ids = new Set<string>();
  for (const l of links) ids.add(l.source).add(l.target);
  const nodes = [...ids].map((id) => ({
    id,
    baseId: id.endsWith(REPEAT_SUFFIX) ? id.slice(0, -REPEAT_SUFFIX.length) : id,
    isRepeat: id.endsWith(REPEAT_SUFFIX),
  }));
  return { nodes, links };
}

function backEdgeRank(kind: FlowKind): number {
  return kind === 'return' ? 2 : kind === 'referral' ? 1 : 0;
}

/**
 * The column of each node as ECharts' Sankey lays it out (nodeAlign 'justify', its default): a
 * node's depth is its longest path from a source, and nodes without outgoing links go to the last
 * column. Labels are sized to the gap between columns with it.
 */
export function sankeyColumns(graph: { nodes: readonly SankeyNode[]; links: readonly SankeyLink[] }): {
  column: Map<string, number>;
  columns: number;
} {
  const incoming = new Map<string, string[]>();
  const hasOutgoing = new Set<string>();
  for (const l of graph.links) {
    hasOutgoing.add(l.source);
    incoming.set(l.target, [...(incoming.get(l.target) ?? []), l.source]);
  }
  const depth = new Map<string, number>();
  const depthOf = (id: string, guard: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (guard.has(id)) return 0; // toSankeyGraph removes cycles; never loop if one slips through
    guard.add(id);
    const d = Math.max(-1, ...(incoming.get(id) ?? []).map((src) => depthOf(src, guard))) + 1;
    guard.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const n of graph.nodes) depthOf(n.id, new Set());
  const last = Math.max(0, ...depth.values());
  const column = new Map<string, number>();
  for (const n of graph.nodes) column.set(n.id, hasOutgoing.has(n.id) ? (depth.get(n.id) ?? 0) : last);
  return { column, columns: last + 1 };
}
