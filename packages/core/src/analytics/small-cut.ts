/** An undirected edge with a positive integer weight (a number of people). */
export interface CutEdge {
  a: number;
  b: number;
  weight: number;
}

/** Both sides of a cut inside one connected component, as node numbers in ascending order. */
export interface Cut {
  side: number[];
  rest: number[];
  weight: number;
}

const PAIR_SCAN_LIMIT = 24;

/** Union–find over 0 … size-1 with path halving; `union` says whether two sets were joined. */
function unionFind(size: number) {
  const leader = new Int32Array(size);
  for (let node = 0; node < size; node++) {
    leader[node] = node;
  }
  const find = (node: number): number => {
    let at = node;
    while ((leader[at] ?? at) !== at) {
      const up = leader[leader[at] ?? at] ?? at;
      leader[at] = up;
      at = up;
    }
    return at;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) {
      return false;
    }
    if (ra < rb) {
      leader[rb] = ra;
    } else {
      leader[ra] = rb;
    }
    return true;
  };
  return { find, union };
}

/** The current graph: nodes 0 … size-1, each edge once (a < b) with parallel edges added up. */
interface Graph {
  size: number;
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
}

/**
 * Sums (key, value) pairs by key with one numeric sort: each pair is packed as
 * key · scale + value (value < scale, all below 2^53), so no hashing is needed.
 */
function sumByKey(
  packed: Float64Array,
  scale: number,
  cap: number,
): { keys: number[]; sums: number[] } {
  packed.sort();
  const keys: number[] = [];
  const sums: number[] = [];
  for (let at = 0; at < packed.length; at++) {
    const value = packed[at] ?? 0;
    const key = Math.floor(value / scale);
    const part = value - key * scale;
    if (keys.length > 0 && keys[keys.length - 1] === key) {
      sums[sums.length - 1] = Math.min(cap, (sums[sums.length - 1] ?? 0) + part);
    } else {
      keys.push(key);
      sums.push(Math.min(cap, part));
    }
  }
  return { keys, sums };
}

/**
 * Finds, in every connected component of the graph whose edge connectivity is below k, one cut of
 * weight 1 … k-1; an empty list means every component is k-edge-connected. Exact: the reductions
 * only merge nodes that no cut lighter than k can separate, and what they leave is decided by
 * Stoer–Wagner. Weights are capped at k on the way (a light cut contains no edge of weight ≥ k,
 * and a cut containing one weighs at least k either way).
 *
 * Reductions, repeated until nothing changes: report a node whose total weight is 1 … k-1
 * (cutting it off is a light cut) and set its component aside; merge the ends of an edge of
 * weight at least k, and two nodes joined by at least k edge-disjoint paths through common
 * neighbours (the direct edge plus, for every common neighbour x, min(w(u,x), w(x,v))).
 *
 * `joined(a, b)` hears of every two nodes found to be joined by k edge-disjoint paths (no cut
 * lighter than k separates them, now or after any contraction), for callers that search again.
 * Weights are whole numbers; node pairs are packed as numbers below 2^53, which holds for k up to
 * 10,000 (`MAX_ANONYMITY_THRESHOLD`) and graphs of up to ~700,000 nodes with edges.
 */
export function findSmallCuts(
  nodeCount: number,
  edges: readonly CutEdge[],
  k: number,
  joined?: (a: number, b: number) => void,
): Cut[] {
  const scale = 2 ** Math.ceil(Math.log2(k + 1));
  // label: original node → current node (-1 for nodes without edges or in a settled component).
  const label = new Int32Array(nodeCount).fill(-1);
  const present: number[] = [];
  for (const edge of edges) {
    if (edge.a !== edge.b && edge.weight > 0) {
      for (const node of [edge.a, edge.b]) {
        if (label[node] === -1) {
          label[node] = present.length;
          present.push(node);
        }
      }
    }
  }
  present.sort((x, y) => x - y);
  present.forEach((node, at) => {
    label[node] = at;
  });

  const build = (
    size: number,
    count: number,
    each: (add: (x: number, y: number, w: number) => void) => void,
  ): Graph => {
    const packed = new Float64Array(count);
    let used = 0;
    each((x, y, w) => {
      if (x !== y && w > 0) {
        packed[used++] = (x < y ? x * size + y : y * size + x) * scale + Math.min(w, k);
      }
    });
    const { keys, sums } = sumByKey(packed.subarray(0, used), scale, k);
    const a = new Int32Array(keys.length);
    const b = new Int32Array(keys.length);
    const weight = new Float64Array(keys.length);
    keys.forEach((key, at) => {
      a[at] = Math.floor(key / size);
      b[at] = key - (a[at] ?? 0) * size;
      weight[at] = sums[at] ?? 0;
    });
    return { size, a, b, weight };
  };
  let graph = build(present.length, edges.length, (add) => {
    for (const edge of edges) {
      add(label[edge.a] ?? -1, label[edge.b] ?? -1, edge.weight);
    }
  });
  const cuts: Cut[] = [];

  /** Replaces every current node by its set's leader (renumbered), leaving out `dropped` ones. */
  const contract = (find: (node: number) => number, dropped?: Uint8Array): void => {
    const renumber = new Int32Array(graph.size).fill(-1);
    let next = 0;
    for (let node = 0; node < graph.size; node++) {
      const root = find(node);
      if (dropped?.[root] === 1) {
        continue;
      }
      if (renumber[root] === -1) {
        renumber[root] = next++;
      }
    }
    const first = new Int32Array(next).fill(-1);
    for (const node of present) {
      const current = label[node] ?? -1;
      const now = current < 0 ? -1 : (renumber[find(current)] ?? -1);
      label[node] = now;
      if (now >= 0 && joined && !dropped) {
        const lead = first[now] ?? -1;
        if (lead === -1) {
          first[now] = node;
        } else {
          joined(lead, node);
        }
      }
    }
    const old = graph;
    graph = build(next, old.a.length, (add) => {
      for (let at = 0; at < old.a.length; at++) {
        const x = renumber[find(old.a[at] ?? 0)] ?? -1;
        const y = renumber[find(old.b[at] ?? 0)] ?? -1;
        if (x >= 0 && y >= 0) {
          add(x, y, old.weight[at] ?? 0);
        }
      }
    });
  };

  /** Records the cut (group vs the rest of its component) in original node numbers. */
  const record = (
    group: ReadonlySet<number>,
    inComponent: (node: number) => boolean,
    weight: number,
  ) => {
    const side: number[] = [];
    const rest: number[] = [];
    for (const node of present) {
      const current = label[node] ?? -1;
      if (current >= 0 && inComponent(current)) {
        (group.has(current) ? side : rest).push(node);
      }
    }
    cuts.push({ side, rest, weight });
  };

  for (;;) {
    const size = graph.size;
    const edgeCount = graph.a.length;
    const components = unionFind(size);
    const degree = new Float64Array(size);
    const start = new Int32Array(size + 1);
    for (let at = 0; at < edgeCount; at++) {
      const x = graph.a[at] ?? 0;
      const y = graph.b[at] ?? 0;
      const weight = graph.weight[at] ?? 0;
      components.union(x, y);
      degree[x] = (degree[x] ?? 0) + weight;
      degree[y] = (degree[y] ?? 0) + weight;
      start[x + 1] = (start[x + 1] ?? 0) + 1;
      start[y + 1] = (start[y + 1] ?? 0) + 1;
    }
    const settled = new Uint8Array(size);
    let anySettled = false;
    for (let node = 0; node < size; node++) {
      const weight = degree[node] ?? 0;
      const root = components.find(node);
      if (weight > 0 && weight < k && settled[root] === 0) {
        record(new Set([node]), (current) => components.find(current) === root, weight);
        settled[root] = 1;
        anySettled = true;
      }
    }
    if (anySettled) {
      // Set the settled components aside; the others go on.
      const drop = new Uint8Array(size);
      for (let node = 0; node < size; node++) {
        drop[node] = settled[components.find(node)] ?? 0;
      }
      contract((node) => node, drop);
      continue;
    }

    // Merge what no light cut can separate: heavy edges, and pairs with k paths of one or two
    // edges (the direct edge plus min(w(u,x), w(x,v)) for every common neighbour x).
    const merge = unionFind(size);
    let merged = false;
    let pairCount = edgeCount;
    for (let node = 0; node < size; node++) {
      start[node + 1] = (start[node + 1] ?? 0) + (start[node] ?? 0);
      const neighbours = (start[node + 1] ?? 0) - (start[node] ?? 0);
      if (neighbours >= 2 && neighbours <= PAIR_SCAN_LIMIT) {
        pairCount += (neighbours * (neighbours - 1)) / 2;
      }
    }
    const fill = start.slice(0, size);
    const other = new Int32Array(2 * edgeCount);
    const along = new Float64Array(2 * edgeCount);
    const packed = new Float64Array(pairCount);
    let used = 0;
    for (let at = 0; at < edgeCount; at++) {
      const x = graph.a[at] ?? 0;
      const y = graph.b[at] ?? 0;
      const weight = graph.weight[at] ?? 0;
      if (weight >= k) {
        merged = merge.union(x, y) || merged;
      }
      const fx = fill[x] ?? 0;
      other[fx] = y;
      along[fx] = weight;
      fill[x] = fx + 1;
      const fy = fill[y] ?? 0;
      other[fy] = x;
      along[fy] = weight;
      fill[y] = fy + 1;
      packed[used++] = (x * size + y) * scale + weight;
    }
    for (let node = 0; node < size; node++) {
      const from = start[node] ?? 0;
      const to = start[node + 1] ?? 0;
      if (to - from < 2 || to - from > PAIR_SCAN_LIMIT) {
        continue;
      }
      for (let i = from; i < to; i++) {
        for (let j = i + 1; j < to; j++) {
          const u = other[i] ?? 0;
          const v = other[j] ?? 0;
          const key = u < v ? u * size + v : v * size + u;
          packed[used++] = key * scale + Math.min(along[i] ?? 0, along[j] ?? 0);
        }
      }
    }
    const { keys, sums } = sumByKey(packed.subarray(0, used), scale, k);
    keys.forEach((key, at) => {
      if ((sums[at] ?? 0) >= k) {
        const u = Math.floor(key / size);
        merged = merge.union(u, key - u * size) || merged;
      }
    });
    if (merged) {
      contract(merge.find);
      continue;
    }

    // What is left: Stoer–Wagner on every component with two or more nodes.
    const members = new Map<number, number[]>();
    for (let node = 0; node < size; node++) {
      const root = components.find(node);
      const list = members.get(root) ?? [];
      list.push(node);
      members.set(root, list);
    }
    for (const [root, nodes] of members) {
      if (nodes.length < 2) {
        continue;
      }
      const found = stoerWagner(nodes, graph, k);
      if (found) {
        record(new Set(found.group), (current) => components.find(current) === root, found.weight);
      }
    }
    cuts.sort((p, q) => (p.side[0] ?? 0) - (q.side[0] ?? 0));
    return cuts;
  }
}

/** A max-heap of (priority, node) pairs with lazy deletion by the caller. */
class MaxHeap {
  private readonly items: [number, number][] = [];
  get size(): number {
    return this.items.length;
  }
  push(priority: number, node: number): void {
    const items = this.items;
    items.push([priority, node]);
    let at = items.length - 1;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (!this.before(at, up)) {
        break;
      }
      [items[at], items[up]] = [items[up] as [number, number], items[at] as [number, number]];
      at = up;
    }
  }
  pop(): [number, number] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let best = at;
        if (left < items.length && this.before(left, best)) {
          best = left;
        }
        if (right < items.length && this.before(right, best)) {
          best = right;
        }
        if (best === at) {
          break;
        }
        [items[at], items[best]] = [items[best] as [number, number], items[at] as [number, number]];
        at = best;
      }
    }
    return top;
  }
  /** Higher priority first; ties by lower node, so that the order never depends on insertion. */
  private before(i: number, j: number): boolean {
    const [pi, ni] = this.items[i] ?? [0, 0];
    const [pj, nj] = this.items[j] ?? [0, 0];
    return pi > pj || (pi === pj && ni < nj);
  }
}

/**
 * Stoer–Wagner (maximum-adjacency orderings with a heap) on one connected component; stops at
 * the first cut of a phase lighter than k and returns the nodes on its last-added side.
 */
function stoerWagner(
  nodes: readonly number[],
  graph: Graph,
  k: number,
): { group: number[]; weight: number } | null {
  const position = new Map(nodes.map((node, at) => [node, at]));
  const adjacency = nodes.map(() => new Map<number, number>());
  for (let at = 0; at < graph.a.length; at++) {
    const x = position.get(graph.a[at] ?? 0);
    const y = position.get(graph.b[at] ?? 0);
    if (x !== undefined && y !== undefined) {
      adjacency[x]?.set(y, graph.weight[at] ?? 0);
      adjacency[y]?.set(x, graph.weight[at] ?? 0);
    }
  }
  const groups = nodes.map((_node, at) => [at]);
  const alive = new Set(nodes.map((_node, at) => at));
  const attach = new Float64Array(nodes.length);
  const added = new Uint8Array(nodes.length);
  while (alive.size > 1) {
    const start = Math.min(...alive);
    attach.fill(0);
    added.fill(0);
    const heap = new MaxHeap();
    heap.push(0, start);
    let previous = -1;
    let last = -1;
    let lastWeight = 0;
    let count = 0;
    while (heap.size > 0 && count < alive.size) {
      const [priority, node] = heap.pop() ?? [0, 0];
      if (added[node] === 1 || priority !== attach[node]) {
        continue;
      }
      added[node] = 1;
      count++;
      previous = last;
      last = node;
      lastWeight = priority;
      for (const [next, weight] of adjacency[node] ?? []) {
        if (added[next] === 0) {
          attach[next] = (attach[next] ?? 0) + weight;
          heap.push(attach[next] ?? 0, next);
        }
      }
    }
    if (lastWeight < k) {
      return { group: (groups[last] ?? []).map((at) => nodes[at] ?? 0), weight: lastWeight };
    }
    // Merge the last node into the one before it.
    const into = adjacency[previous] ?? new Map<number, number>();
    for (const [next, weight] of adjacency[last] ?? []) {
      const around = adjacency[next] ?? new Map<number, number>();
      around.delete(last);
      if (next !== previous) {
        into.set(next, (into.get(next) ?? 0) + weight);
        around.set(previous, (around.get(previous) ?? 0) + weight);
      }
    }
    into.delete(last);
    adjacency[last]?.clear();
    for (const member of groups[last] ?? []) {
      groups[previous]?.push(member);
    }
    alive.delete(last);
  }
  return null;
}
