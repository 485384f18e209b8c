import type { DocumentMediaType } from '../../../shared/contracts/case-records';

/**
 * What an uploaded file really is, decided by its first bytes — the name and the browser's
 * claimed type are the uploader's word and prove nothing (a program renamed to .pdf stays a
 * program). Allowed: PDF, PNG, JPEG, TIFF and plain UTF-8 text.
 */

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00]; // "II*\0"
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a]; // "MM\0*"

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Plain text: valid UTF-8 without NUL and without control characters other than tab, line
 * feed, form feed and carriage return (binary formats fail one of these within their first bytes).
 */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The media type of the content, or null when it is none of the allowed types. */
export function detectMediaType(bytes: Uint8Array): DocumentMediaType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, TIFF_LE) || startsWith(bytes, TIFF_BE)) return 'image/tiff';
  if (isPlainText(bytes)) return 'text/plain';
  return null;
}

const EXTENSIONS: Record<DocumentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/tiff': ['tif', 'tiff'],
  'text/plain': ['txt', 'text', 'csv', 'md', 'log'],
};

const MAX_NAME = 150;

/**
 * A file name safe to store and to send back in Content-Disposition: no directories, no control
 * or reserved characters (Windows and URLs), no leading dots, at most 150 characters, and an
 * extension that matches the detected type (appended when the name claims another one: a PNG
 * named "scan.pdf" is downloaded as "scan.pdf.png" and opens in the right program).
 */
export function sanitiseFileName(name: string, mediaType: DocumentMediaType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*;%]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const extensions = EXTENSIONS[mediaType];
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  if (!extensions.includes(ext)) clean = `${clean || 'dokument'}.${extensions[0]}`;
  if (clean.length > MAX_NAME) {
    const d = clean.lastIndexOf('.');
    const suffix = clean.slice(d);
    clean = `${clean.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
  }
  return clean;
}

/**
 * Content-Disposition for a download: an ASCII fallback in `filename` and the exact name in
 * `filename*` (RFC 6266 / RFC 8187), so "Bescheid_Müller.pdf" arrives with its umlaut.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
