// German strings for topology, ladder diagram, per-connection transcript; typed against the English ones.
import type { viewsEn } from './views.en';

export const viewsDe: Record<keyof typeof viewsEn, string> = {
  'views.placeholder': '',
};
