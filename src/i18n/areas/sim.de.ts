// German strings for the simulator page, time controls, keyboard help, share links, embed; typed against the English ones.
import type { simEn } from './sim.en';

export const simDe: Record<keyof typeof simEn, string> = {
  'sim.placeholder': '',
};
