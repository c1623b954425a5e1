// German strings for scenario editor, send form, faults at the cursor, console in the simulated network; typed against the English ones.
import type { editEn } from './edit.en';

export const editDe: Record<keyof typeof editEn, string> = {
  'edit.placeholder': '',
};
