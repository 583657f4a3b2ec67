/**
 * Headers every /staff/ response carries: no caching anywhere (shared terminals, proxies), no
 * indexing, and a CSP whose default is 'none' on top of Astro's per-page script/style hashes.
 */
export function staffHeaders(response: Response): Response {
  const csp = response.headers.get('content-security-policy');
  const set: Record<string, string> = {
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex, nofollow',
    'content-security-policy': `${csp ? `${csp.replace(/;\s*$/, '')}; ` : ''}default-src 'none'`,
  };
  try {
    // In place, so Astro still attaches the cookies it tracks on this response object.
    for (const [k, v] of Object.entries(set)) response.headers.set(k, v);
    return response;
  } catch {
    // Immutable headers (Response.redirect): copy.
    const headers = new Headers(response.headers);
    for (const [k, v] of Object.entries(set)) headers.set(k, v);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
