// Brings a panel of the simulator to the student: scrolls it into view and puts the focus on its
// first control (the console's input, the editor's first field). Panels may load as their own
// chunk, so the control is waited for a moment; failing that, the panel's tab takes the focus.
const CONTROLS =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]';

export async function focusPanel(
  id: string,
  doc: Document = document,
  waitMs = 2000,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    const panel = doc.getElementById(`sim-panels-panel-${id}`);
    const control = panel?.querySelector<HTMLElement>(CONTROLS);
    if (panel && control) {
      panel.scrollIntoView?.({ block: 'nearest' });
      control.focus({ preventScroll: true });
      control.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    if (Date.now() - started > waitMs) {
      panel?.scrollIntoView?.({ block: 'nearest' });
      doc.getElementById(`sim-panels-tab-${id}`)?.focus();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
