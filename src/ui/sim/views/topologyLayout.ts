// Where the topology puts its nodes: around an ellipse whose centre is the Internet, clients
// first on the left, then mail servers, backup MXs and DNS going clockwise. Sizes are in CSS
// pixels of the measured width, so that labels keep their size on a phone and on a projector.
import type { RoleNode } from './roles';

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends RoleNode, Point {}

export interface TopologyLayout {
  width: number;
  height: number;
  hub: Point;
  nodes: PlacedNode[];
  /** Many hosts: smaller icons, labels only where it matters. */
  compact: boolean;
}

/** More hosts than this and the drawing turns compact. */
export const COMPACT_FROM = 13;

export function topologyHeight(width: number, compact: boolean): number {
  if (width < 560) return Math.round(Math.min(520, Math.max(340, width * (compact ? 1.1 : 0.95))));
  return Math.round(Math.min(compact ? 560 : 440, Math.max(300, width * 0.45)));
}

export function topologyLayout(nodes: readonly RoleNode[], width: number): TopologyLayout {
  const compact = nodes.length >= COMPACT_FROM;
  const w = Math.max(240, width);
  const height = topologyHeight(w, compact);
  const marginX = compact ? 36 : Math.min(80, w * 0.17);
  const top = compact ? 30 : 46;
  const bottom = compact ? 30 : 58;
  const rx = Math.max(40, w / 2 - marginX);
  const ry = Math.max(40, (height - top - bottom) / 2);
  const hub = { x: w / 2, y: top + ry };
  const n = nodes.length;
  const placed = nodes.map((node, k) => {
    // Start on the left (angle π) and go clockwise: up over the top, down the right side.
    const angle = Math.PI + (2 * Math.PI * k) / Math.max(1, n);
    return {
      ...node,
      x: round(hub.x + rx * Math.cos(angle)),
      y: round(hub.y + ry * Math.sin(angle)),
    };
  });
  return { width: w, height, hub, nodes: placed, compact };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** A point a fraction of the way from a to b, shifted sideways by `offset` pixels. */
export function along(a: Point, b: Point, fraction: number, offset = 0): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  // The normal, turned so that positive offsets go up (or left on vertical chords).
  let nx = -dy / len;
  let ny = dx / len;
  if (ny > 0 || (ny === 0 && nx > 0)) {
    nx = -nx;
    ny = -ny;
  }
  return {
    x: round(a.x + dx * fraction + nx * offset),
    y: round(a.y + dy * fraction + ny * offset),
  };
}
