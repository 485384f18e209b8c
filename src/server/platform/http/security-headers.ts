/**
 * The security headers of every response, computed once. @fastify/helmet rebuilt its middleware on
 * every request and cost more than the rest of the stack together (bench/results/health-breakdown.md:
 * ~40–68 µs of ~86 µs per request); a fixed object set in onSend costs next to nothing.
 */
export function securityHeaders(options: {
  secure: boolean;
  /** A configured map tile server (`LOTSE_MAP_TILE_URL`): its images must be allowed to load. */
  mapTileUrl?: string | null;
}): Readonly<Record<string, string>> {
  const tiles = options.mapTileUrl ? tileImageSource(options.mapTileUrl) : null;
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // React and Leaflet set style attributes; no inline scripts are allowed.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(options.secure ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return Object.freeze({
    'content-security-policy': csp,
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  });
}

/**
 * The CSP source for a tile URL template such as `https://{s}.tile.example.org/{z}/{x}/{y}.png`:
 * scheme and host, with a placeholder in the first host label written as the wildcard CSP allows
 * there (`https://*.tile.example.org`). A placeholder anywhere else in the host cannot be expressed.
 */
export function tileImageSource(template: string): string {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template);
  if (!match) throw new Error(`LOTSE_MAP_TILE_URL must start with http(s)://host, got ${template}`);
  const [first, ...rest] = match[2]!.split('.');
  if (rest.some((label) => label.includes('{')))
    throw new Error('LOTSE_MAP_TILE_URL may have a placeholder only in the first part of the host name');
  const host = first!.includes('{') ? ['*', ...rest].join('.') : match[2]!;
  return `${match[1]!.toLowerCase()}://${host}`;
}
