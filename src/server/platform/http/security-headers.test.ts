import { describe, expect, it } from 'vitest';
import { securityHeaders, tileImageSource } from './security-headers';

describe('security headers', () => {
  it('allows images only from the app itself without a tile server', () => {
    const csp = securityHeaders({ secure: false })['content-security-policy'];
    expect(csp).toContain("img-src 'self' data: blob:;");
  });

  it('allows the images of a configured tile server, with a subdomain placeholder as a wildcard', () => {
    const csp = securityHeaders({ secure: true, mapTileUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' })[
      'content-security-policy'
    ];
    expect(csp).toContain("img-src 'self' data: blob: https://*.tile.example.org;");
    expect(tileImageSource('https://tiles.stadt.de:8443/osm/{z}/{x}/{y}.png')).toBe('https://tiles.stadt.de:8443');
  });

  it('refuses a template whose host cannot be written as a CSP source', () => {
    expect(() => tileImageSource('https://tiles.{s}.example.org/{z}/{x}/{y}.png')).toThrow(/first part/);
    expect(() => tileImageSource('tiles/{z}/{x}/{y}.png')).toThrow(/http/);
  });
});
