// The address a share link points to: this page, the sandbox route and the scenario's query.
// `?embed=1` is dropped from a shared link (it opens the whole site) and set on an embed link.

/** The link to open `query` (`s=…&c=…`) in the sandbox of the site at `pageHref`. */
export function shareUrl(pageHref: string, query: string, embed = false): string {
  const url = new URL(pageHref);
  if (embed) url.searchParams.set('embed', '1');
  else url.searchParams.delete('embed');
  url.hash = `#/sandbox?${query}`;
  return url.toString();
}

/** An iframe for a course page (LMS) showing the simulator alone. */
export function embedSnippet(pageHref: string, query: string, title: string): string {
  const src = shareUrl(pageHref, query, true).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const name = title.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return `<iframe src="${src}" title="${name}" width="100%" height="720" style="border:0"></iframe>`;
}
