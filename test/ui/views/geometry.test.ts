import { describe, expect, test } from 'vitest';
import { arrowGeometry, labelBox, laneLayout } from '../../../src/ui/sim/views/ladderGeometry';
import {
  revealScrollLeft,
  revealScrollTop,
  visibleRange,
} from '../../../src/ui/sim/views/virtualWindow';

describe('lane layout', () => {
  test('lanes share the width after the time column', () => {
    const layout = laneLayout(896, 4, { gutter: 96, minLane: 100 });
    expect(layout.laneWidth).toBe(200);
    expect(layout.xs).toEqual([196, 396, 596, 796]);
    expect(layout.width).toBe(896);
  });

  test('too many lanes: each keeps its minimum width and the diagram scrolls sideways', () => {
    const layout = laneLayout(390, 5, { gutter: 76, minLane: 108 });
    expect(layout.laneWidth).toBe(108);
    expect(layout.width).toBe(76 + 5 * 108);
  });

  test('few lanes on a wide screen do not grow without end', () => {
    expect(laneLayout(3000, 2, { maxLane: 400 }).laneWidth).toBe(400);
  });
});

describe('arrows', () => {
  test('a head at the receiver, pointing its way', () => {
    const right = arrowGeometry(100, 300, 20, false);
    expect(right.dir).toBe(1);
    expect(right.x2).toBeLessThan(300);
    expect(right.head.startsWith('M298 20')).toBe(true);
    const left = arrowGeometry(300, 100, 20, false);
    expect(left.dir).toBe(-1);
    expect(left.x2).toBeGreaterThan(100);
    expect(left.head.startsWith('M102 20')).toBe(true);
  });

  test('a cut arrow stops halfway with a cross', () => {
    const cut = arrowGeometry(100, 300, 20, true);
    expect(cut.x2).toBe(200);
    expect(cut.head).toContain('M196 16L204 24');
  });
});

describe('labels', () => {
  const layout = laneLayout(496, 2, { gutter: 96, minLane: 100 });

  test('an arrow label is centred on the arrow and kept inside the row', () => {
    const short = labelBox(layout, 0, 1, 4);
    expect(short.align).toBe('center');
    expect(short.left + short.width / 2).toBeCloseTo(296, 0);
    const long = labelBox(layout, 0, 1, 500);
    expect(long.left).toBe(102);
    expect(long.left + long.width).toBe(490);
  });

  test('a mark label goes to the side with room', () => {
    const first = labelBox(layout, 0, 0, 10);
    expect(first.align).toBe('left');
    expect(first.left).toBe(206);
    const last = labelBox(layout, 1, 1, 60);
    expect(last.align).toBe('right');
    expect(last.left + last.width).toBe(386);
  });

  test('a note runs across all lanes', () => {
    expect(labelBox(layout, -1, -1, 10)).toEqual({ left: 102, width: 388, align: 'left' });
  });
});

describe('virtual window', () => {
  test('the rows in view plus some on each side, within bounds', () => {
    expect(visibleRange(0, 300, 30, 1000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(3000, 300, 30, 1000, 5)).toEqual({ start: 95, end: 115 });
    expect(visibleRange(29_900, 300, 30, 1000, 5)).toEqual({ start: 991, end: 1000 });
    expect(visibleRange(0, 300, 30, 0)).toEqual({ start: 0, end: 0 });
  });

  test('reveal scrolls as little as possible, and not at all when the row is in view', () => {
    expect(revealScrollTop(0, 300, 30, 5)).toBe(0);
    expect(revealScrollTop(0, 300, 30, 10)).toBe(30);
    expect(revealScrollTop(600, 300, 30, 3)).toBe(90);
    expect(revealScrollTop(0, 300, 30, 10, 30)).toBe(60);
    expect(revealScrollTop(120, 300, 30, -1)).toBe(120);
  });
});

describe('sideways reveal', () => {
  test('nothing moves when the span is in view', () => {
    expect(revealScrollLeft(0, 400, 90, 120, 300)).toBe(0);
  });

  test('a span to the right scrolls just enough; one under the sticky column scrolls back', () => {
    expect(revealScrollLeft(0, 400, 90, 300, 500)).toBe(108);
    expect(revealScrollLeft(200, 400, 90, 150, 250)).toBe(52);
  });

  test('a span wider than the view shows its left end', () => {
    expect(revealScrollLeft(0, 400, 90, 200, 900)).toBe(102);
  });
});
