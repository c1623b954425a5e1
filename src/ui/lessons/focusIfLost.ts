// A page that arrives after its chunk has loaded puts focus on its heading when focus was lost
// (the link that led here is gone), as the app shell does for pages that are there at once.
export function focusIfLost(heading: HTMLElement): void {
  const active = heading.ownerDocument.activeElement;
  if (active && active !== heading.ownerDocument.body && active.isConnected) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}
