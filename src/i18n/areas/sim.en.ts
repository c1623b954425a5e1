// English strings for the simulator page, time controls, keyboard help, share links, embed.
export const simEn = {
  'sim.placeholder': '',
} as const satisfies Record<string, string>;
