/**
 * The security headers of every response, computed once. @fastify/helmet rebuilt its middleware on
 * every request and cost more than the rest of the stack together (bench/results/health-breakdown.md:
 * ~40–68 µs of ~86 µs per request); a fixed object set in onSend costs next to nothing.
 */
export function securityHeaders(options: { secure: boolean }): Readonly<Record<string, string>> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // React and Leaflet set style attributes; no inline scripts are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
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
