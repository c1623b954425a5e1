// Moving the focus to a place of the form: the field of an error, an item just added. Closed
// <details> around it are opened first, so that the field can be seen and focused.

/** Focuses the element with this id (opening what hides it); false when there is none. */
export function focusPlace(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement && !node.open) node.open = true;
  }
  element.focus();
  element.scrollIntoView?.({ block: 'nearest' });
  return document.activeElement === element;
}
