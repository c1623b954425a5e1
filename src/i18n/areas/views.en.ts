// English strings for topology, ladder diagram, per-connection transcript.
export const viewsEn = {
  'views.placeholder': '',
} as const satisfies Record<string, string>;
