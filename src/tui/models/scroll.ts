/** Scrolling through `total` lines in a window of `height` lines. Pure. */
export type ScrollAction = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export function clampScroll(offset: number, total: number, height: number): number {
  return Math.max(0, Math.min(offset, total - height));
}

export function scroll(offset: number, action: ScrollAction, total: number, height: number): number {
  const page = Math.max(1, height - 1);
  const next = {
    up: offset - 1,
    down: offset + 1,
    pageUp: offset - page,
    pageDown: offset + page,
    top: 0,
    bottom: total,
  }[action];
  return clampScroll(next, total, height);
}

/** "lines 10–33 of 120 (25%)" for a status line. */
export function scrollPosition(offset: number, total: number, height: number): string {
  if (total <= height) return 'all shown';
  const last = Math.min(total, offset + height);
  return `lines ${offset + 1}–${last} of ${total} (${Math.round((last / total) * 100)}%)`;
}
