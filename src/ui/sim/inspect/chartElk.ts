// A chart model as an ELK graph (layered, compound states as nested nodes), and the laid-out
// result back as absolute boxes and paths to draw. Text sizes are estimated for a monospace font
// of FONT px, so that the layout needs no DOM.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ChartModel, ChartNode } from './chartModel';

export const FONT = 11;
export const CHAR = FONT * 0.62;
export const LINE = FONT + 3;
const PAD = 8;
/** Characters per line of the internal-transition list under a state's name. */
const WRAP = 34;
export const INITIAL_SIZE = 10;
/** Room at the right of a simple state for its "current" or "previous" tag. */
export const BADGE_SPACE = 62;

export const textWidth = (text: string): number => Math.ceil(text.length * CHAR);

function wrap(items: readonly string[], lead = ''): string[] {
  const lines: string[] = [];
  let line = lead;
  for (const item of items) {
    const next = line === lead ? `${line}${item}` : `${line}, ${item}`;
    if (next.length > WRAP && line !== lead) {
      lines.push(`${line},`);
      line = `  ${item}`;
    } else line = next;
  }
  if (line !== lead) lines.push(line);
  return lines;
}

/** What a state box lists under its name: events handled in place, then shared exits by target. */
export function internalLines(node: ChartNode): string[] {
  const lines = wrap([...new Set(node.internal.map((tr) => tr.event))]);
  const targets = new Map<string, string[]>();
  for (const tr of node.exits) {
    const target = (tr.target ?? '').split('.').pop() ?? '';
    const list = targets.get(target) ?? [];
    const label = tr.guard ? `${tr.event} [${tr.guard}]` : tr.event;
    if (!list.includes(label)) list.push(label);
    targets.set(target, list);
  }
  for (const [target, events] of targets) lines.push(...wrap(events, `→ ${target}: `));
  return lines;
}

export const initialId = (parent: string): string => `${parent}#initial`;

/** Header height of a state box: its name, and its internal transitions under it. */
export function headerHeight(node: ChartNode): number {
  return PAD + LINE + internalLines(node).length * LINE + PAD / 2;
}

function headerWidth(node: ChartNode): number {
  const widest = Math.max(node.key.length, ...internalLines(node).map((l) => l.length));
  return Math.ceil(widest * CHAR) + 2 * PAD;
}

/** The ELK input for a model: every state a node (children inside their parent), every edge. */
export function toElkGraph(model: ChartModel): ElkNode {
  const byId = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: model.id,
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeNode': '14',
      'elk.spacing.edgeEdge': '10',
      'elk.spacing.edgeLabel': '4',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children: [],
    edges: [],
  };
  byId.set(model.id, root);
  const edges: ElkExtendedEdge[] = [];

  for (const node of model.nodes) {
    const elk: ElkNode =
      node.kind === 'compound'
        ? {
            id: node.id,
            children: [],
            layoutOptions: {
              'elk.padding': `[top=${headerHeight(node) + 6},left=12,bottom=12,right=12]`,
              'elk.nodeSize.constraints': 'MINIMUM_SIZE',
              'elk.nodeSize.minimum': `(${headerWidth(node)},${headerHeight(node) + 30})`,
            },
          }
        : { id: node.id, width: headerWidth(node) + BADGE_SPACE, height: headerHeight(node) };
    byId.set(node.id, elk);
  }
  for (const node of model.nodes) {
    const parent = byId.get(node.parent ?? model.id) as ElkNode;
    parent.children?.push(byId.get(node.id) as ElkNode);
  }
  // Initial-state markers: a small dot in each container, with an arrow to its initial child.
  const containers = [
    { id: model.id, initial: model.initial },
    ...model.nodes.filter((n) => n.kind === 'compound'),
  ];
  for (const c of containers) {
    if (!c.initial) continue;
    const dot = initialId(c.id);
    // First among its siblings: layering follows the definition order (cycle breaking by model
    // order), so the initial state comes first and the final one last.
    (byId.get(c.id) as ElkNode).children?.unshift({
      id: dot,
      width: INITIAL_SIZE,
      height: INITIAL_SIZE,
    });
    edges.push({ id: `${dot}→${c.initial}`, sources: [dot], targets: [c.initial] });
  }
  for (const edge of model.edges) {
    edges.push({
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      labels: edge.label.map((text, i) => ({
        id: `${edge.id}#${i}`,
        text,
        width: textWidth(text),
        height: LINE,
      })),
    });
  }
  root.edges = edges;
  return root;
}

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidEdge {
  id: string;
  /** Polyline points, absolute. */
  points: Array<{ x: number; y: number }>;
  labels: Array<{ text: string; x: number; y: number; width: number; height: number }>;
}

export interface ChartLayout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  edges: LaidEdge[];
}

/** Absolute coordinates from ELK's output, where every position is relative to its container. */
export function fromElkLayout(result: ElkNode): ChartLayout {
  const boxes = new Map<string, Box>();
  const offsets = new Map<string, { x: number; y: number }>();
  const edges: LaidEdge[] = [];
  const pending: Array<{ edge: ElkExtendedEdge; owner: string }> = [];

  const walk = (node: ElkNode, ox: number, oy: number) => {
    const x = ox + (node.x ?? 0);
    const y = oy + (node.y ?? 0);
    offsets.set(node.id, { x, y });
    if (node !== result) {
      boxes.set(node.id, { id: node.id, x, y, width: node.width ?? 0, height: node.height ?? 0 });
    }
    for (const edge of node.edges ?? []) pending.push({ edge, owner: node.id });
    for (const child of node.children ?? []) walk(child, x, y);
  };
  walk(result, -(result.x ?? 0), -(result.y ?? 0));

  for (const { edge, owner } of pending) {
    // elkjs reports the node its coordinates are relative to; without it, the declaring node.
    const base = offsets.get(edge.container ?? owner) ?? { x: 0, y: 0 };
    const points = (edge.sections ?? []).flatMap((s) => [
      s.startPoint,
      ...(s.bendPoints ?? []),
      s.endPoint,
    ]);
    edges.push({
      id: edge.id,
      points: points.map((p) => ({ x: base.x + p.x, y: base.y + p.y })),
      labels: (edge.labels ?? []).map((l) => ({
        text: l.text ?? '',
        x: base.x + (l.x ?? 0),
        y: base.y + (l.y ?? 0),
        width: l.width ?? 0,
        height: l.height ?? 0,
      })),
    });
  }
  return { width: result.width ?? 0, height: result.height ?? 0, boxes, edges };
}
