// Where lanes, arrows and labels go in a ladder row, in CSS pixels.

export interface LaneLayout {
  /** Width of the time column on the left. */
  gutter: number;
  laneWidth: number;
  /** Width of the whole diagram (may exceed the view: it then scrolls sideways). */
  width: number;
  /** The x of each lane's centre line. */
  xs: number[];
}

export interface LaneOptions {
  gutter?: number;
  /** Narrowest lane before the diagram scrolls sideways. */
  minLane?: number;
  /** Widest lane (long lines are cut with an ellipsis anyway). */
  maxLane?: number;
}

/** Lanes spread over the available width, each at least `minLane` wide. */
export function laneLayout(
  available: number,
  lanes: number,
  options: LaneOptions = {},
): LaneLayout {
  const gutter = options.gutter ?? 96;
  const minLane = options.minLane ?? 120;
  const maxLane = options.maxLane ?? 420;
  const n = Math.max(1, lanes);
  const laneWidth = Math.min(maxLane, Math.max(minLane, Math.floor((available - gutter) / n)));
  const xs = Array.from({ length: lanes }, (_, i) => gutter + laneWidth * (i + 0.5));
  return { gutter, laneWidth, width: gutter + laneWidth * n, xs };
}

export interface ArrowGeometry {
  x1: number;
  /** Where the shaft ends: the receiver, or midway for a cut arrow. */
  x2: number;
  /** The arrowhead (a path), or a cross for a cut arrow. */
  head: string;
  dir: 1 | -1;
}

const HEAD = 7;

/** An arrow from x1 to x2 at height y; a cut one stops halfway with a cross. */
export function arrowGeometry(x1: number, x2: number, y: number, cut: boolean): ArrowGeometry {
  const dir = x2 >= x1 ? 1 : -1;
  if (cut) {
    const end = (x1 + x2) / 2;
    const s = 4;
    return {
      x1,
      x2: end,
      head: `M${end - s} ${y - s}L${end + s} ${y + s}M${end - s} ${y + s}L${end + s} ${y - s}`,
      dir,
    };
  }
  const tip = x2 - dir * 2;
  const base = tip - dir * HEAD;
  return {
    x1,
    x2: base,
    head: `M${tip} ${y}L${base} ${y - HEAD / 2 - 0.5}L${base} ${y + HEAD / 2 + 0.5}Z`,
    dir,
  };
}

export interface LabelBox {
  left: number;
  width: number;
  align: 'center' | 'left' | 'right';
}

/** Width of one character of a label (0.75rem monospace at 16px). */
export const LABEL_CHAR = 7.3;

/**
 * Where a row's label goes. One row holds one event, so a label may use the whole row: above an
 * arrow it is centred on the arrow and shifted to stay inside the row; beside a mark it goes to
 * the side with more room; a note runs across the lanes. `chars` is the label's length.
 */
export function labelBox(layout: LaneLayout, from: number, to: number, chars: number): LabelBox {
  const pad = 6;
  const min = layout.gutter + pad;
  const max = layout.width - pad;
  const want = Math.ceil(chars * LABEL_CHAR) + 8;
  if (from < 0) return { left: min, width: Math.max(0, max - min), align: 'left' };
  const a = layout.xs[from] ?? min;
  const b = layout.xs[to] ?? min;
  if (from !== to) {
    const width = Math.max(0, Math.min(want, max - min));
    const left = Math.max(min, Math.min(max - width, (a + b) / 2 - width / 2));
    return { left, width, align: 'center' };
  }
  const right = Math.max(0, max - (a + 10));
  const leftRoom = Math.max(0, a - 10 - min);
  if (want <= right || right >= leftRoom) {
    return { left: a + 10, width: Math.min(want, right), align: 'left' };
  }
  const width = Math.min(want, leftRoom);
  return { left: a - 10 - width, width, align: 'right' };
}
