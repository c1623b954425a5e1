// Which rows of a long fixed-height list to render, and how to scroll one into view.

export interface RowRange {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

/** The rows in the viewport plus `overscan` on each side. */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
  return {
    start: Math.max(0, Math.min(count, first - overscan)),
    end: Math.max(0, Math.min(count, last + overscan)),
  };
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible (and not at all
 * when it is already in view). `margin` keeps a little context above or below it.
 */
export function revealScrollTop(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  index: number,
  margin = 0,
): number {
  if (index < 0) return scrollTop;
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  const m = Math.max(0, Math.min(margin, (viewport - rowHeight) / 2));
  if (top - m < scrollTop) return Math.max(0, top - m);
  if (bottom + m > scrollTop + viewport) return Math.max(0, bottom + m - viewport);
  return scrollTop;
}

/**
 * The sideways scroll position that shows the span [left, right] of the content, moving as little
 * as possible; `sticky` pixels on the left are covered by a sticky column. A span wider than the
 * view shows its left end.
 */
export function revealScrollLeft(
  scrollLeft: number,
  viewWidth: number,
  sticky: number,
  left: number,
  right: number,
  margin = 8,
): number {
  const from = scrollLeft + sticky;
  const to = scrollLeft + viewWidth;
  if (left - margin >= from && right + margin <= to) return scrollLeft;
  const room = viewWidth - sticky;
  if (right - left + 2 * margin > room || left - margin < from) {
    return Math.max(0, left - margin - sticky);
  }
  return Math.max(0, right + margin - viewWidth);
}
