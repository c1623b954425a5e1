// Where the scrubber draws its marks: each timeline marker and fork at the cursor position it
// stands for, as a fraction of the track. A long trace has thousands of markers; one mark per
// kind per slot of the track is drawn (the counts still count them all).
import type { CoreText } from '../../../core/text/message';
import type { Marker } from '../../../core/trace/timeline';

export const MARK_KINDS = ['session', 'fork', 'delivery', 'retry', 'warning', 'bounce'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export interface Mark {
  key: string;
  kind: MarkKind;
  /** 0 … 1 along the track. */
  at: number;
  /** A timeline marker's text (formatted in the page's language when drawn), or a fork's label. */
  label: string | CoreText;
}

export interface MarkLayout {
  /** Sessions and forks, above the track. */
  upper: Mark[];
  /** Deliveries, retries, warnings and bounces, below it. */
  lower: Mark[];
  counts: Record<MarkKind, number>;
}

/** Forks as the store keeps them: the trace index where the new run starts to differ. */
export interface ForkLike {
  index: number;
  label: string;
}

/** Slots across the track: finer than any screen needs to tell two marks apart. */
export const SLOTS = 400;

const KIND_OF: Partial<Record<Marker['kind'], MarkKind>> = {
  session: 'session',
  delivery: 'delivery',
  retry: 'retry',
  warning: 'warning',
  bounce: 'bounce',
};

export function markLayout(
  markers: readonly Marker[],
  forks: readonly ForkLike[],
  length: number,
): MarkLayout {
  const counts: Record<MarkKind, number> = {
    session: 0,
    fork: 0,
    delivery: 0,
    retry: 0,
    warning: 0,
    bounce: 0,
  };
  const upper: Mark[] = [];
  const lower: Mark[] = [];
  const taken = new Set<string>();
  const place = (kind: MarkKind, cursor: number, label: string | CoreText) => {
    counts[kind] += 1;
    const at = length > 0 ? Math.max(0, Math.min(1, cursor / length)) : 0;
    const key = `${kind}:${Math.round(at * SLOTS)}`;
    if (taken.has(key)) return;
    taken.add(key);
    (kind === 'session' || kind === 'fork' ? upper : lower).push({ key, kind, at, label });
  };
  for (const m of markers) {
    const kind = KIND_OF[m.kind];
    // The cursor just after the marked event is where stepping to it lands.
    if (kind) place(kind, m.index + 1, m.text);
  }
  for (const f of forks) place('fork', f.index, f.label);
  return { upper, lower, counts };
}
