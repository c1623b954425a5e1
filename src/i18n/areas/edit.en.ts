// English strings for scenario editor, send form, faults at the cursor, console in the simulated network.
export const editEn = {
  'edit.placeholder': '',
} as const satisfies Record<string, string>;
