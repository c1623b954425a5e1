// `?embed=1` (in the page address, or in the hash query: `#/console?embed=1`) shows the page
// without header and footer, for an iframe in a learning management system.
export function isEmbedded(search: string, hash: string): boolean {
  if (new URLSearchParams(search).get('embed') === '1') return true;
  const q = hash.indexOf('?');
  return q >= 0 && new URLSearchParams(hash.slice(q + 1)).get('embed') === '1';
}
