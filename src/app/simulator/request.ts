// What the sandbox's address asks for: a shared scenario (`s`, `c`), a preset (`preset`), or the
// default. Other parameters (`embed`) are not the sandbox's business.

export type SandboxRequest =
  | { kind: 'share'; s: string; c: string | null }
  | { kind: 'preset'; id: string }
  | { kind: 'default' };

export function sandboxRequest(query: URLSearchParams): SandboxRequest {
  if (query.has('s')) return { kind: 'share', s: query.get('s') ?? '', c: query.get('c') };
  const id = query.get('preset');
  if (id !== null && id !== '') return { kind: 'preset', id };
  return { kind: 'default' };
}

/** A string that changes exactly when the request does. */
export function requestKey(request: SandboxRequest): string {
  switch (request.kind) {
    case 'share':
      return `s:${request.c ?? ''}:${request.s}`;
    case 'preset':
      return `p:${request.id}`;
    case 'default':
      return 'd';
  }
}
