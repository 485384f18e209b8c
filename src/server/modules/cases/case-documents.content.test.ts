import { describe, expect, it } from 'vitest';
import { contentDisposition, detectMediaType, sanitiseFileName } from './case-documents.content';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('detectMediaType', () => {
  it('recognises the allowed types by their first bytes', () => {
    expect(detectMediaType(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
    expect(detectMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(detectMediaType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(detectMediaType(bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('image/tiff');
    expect(detectMediaType(bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('image/tiff');
    expect(detectMediaType(bytes('Gesprächsnotiz\r\n\tTermin am Montag – 10 Uhr\n'))).toBe('text/plain');
  });

  it('refuses programs and other formats whatever they are called', () => {
    // A Windows program ("MZ" header with NUL bytes), a ZIP (also .docx), ELF, GIF.
    expect(detectMediaType(bytes('MZ', [0x90, 0x00, 0x03, 0x00, 0x00, 0x00]))).toBeNull();
    expect(detectMediaType(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBeNull();
    expect(detectMediaType(bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBeNull();
    expect(detectMediaType(bytes('GIF89a', [0x01, 0x00, 0x01, 0x00, 0x80, 0x00]))).toBeNull();
  });

  it('refuses text that is not UTF-8 or carries control characters, and empty content', () => {
    expect(detectMediaType(bytes([0x48, 0x61, 0x6c, 0x6c, 0xf6]))).toBeNull(); // "Hallö" in Latin-1
    expect(detectMediaType(bytes('abc\u0000def'))).toBeNull();
    expect(detectMediaType(bytes('abc\u001bdef'))).toBeNull();
    expect(detectMediaType(new Uint8Array())).toBeNull();
  });

  it('does not take a magic number that only starts later or is cut short', () => {
    expect(detectMediaType(bytes(' %PDF-1.4'))).toBe('text/plain');
    expect(detectMediaType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });
});

describe('sanitiseFileName', () => {
  it('keeps an ordinary name with umlauts and its matching extension', () => {
    expect(sanitiseFileName('Bescheid Jobcenter März.pdf', 'application/pdf')).toBe('Bescheid Jobcenter März.pdf');
    expect(sanitiseFileName('Foto.JPEG', 'image/jpeg')).toBe('Foto.JPEG');
  });

  it('drops directories, control and reserved characters and leading dots', () => {
    expect(sanitiseFileName('C:\\Users\\x\\..\\bericht.pdf', 'application/pdf')).toBe('bericht.pdf');
    expect(sanitiseFileName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(sanitiseFileName('..hidden.txt', 'text/plain')).toBe('hidden.txt');
    expect(sanitiseFileName('a<b>c:"d"|e?f*.pdf', 'application/pdf')).toBe('a_b_c__d__e_f_.pdf');
    expect(sanitiseFileName('zeile\r\numbruch.pdf', 'application/pdf')).toBe('zeile__umbruch.pdf');
  });

  it('appends the extension of the detected type when the name claims another', () => {
    expect(sanitiseFileName('scan.pdf', 'image/png')).toBe('scan.pdf.png');
    expect(sanitiseFileName('programm.exe', 'text/plain')).toBe('programm.exe.txt');
    expect(sanitiseFileName('ohne-endung', 'image/tiff')).toBe('ohne-endung.tif');
    expect(sanitiseFileName('...', 'application/pdf')).toBe('dokument.pdf');
  });

  it('shortens long names and keeps the extension', () => {
    const name = sanitiseFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('sends an ASCII fallback and the exact name in UTF-8', () => {
    expect(contentDisposition('Bescheid März.pdf')).toBe(
      `attachment; filename="Bescheid Marz.pdf"; filename*=UTF-8''Bescheid%20M%C3%A4rz.pdf`,
    );
    expect(contentDisposition("it's (1).txt")).toBe(
      `attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`,
    );
    expect(contentDisposition('وثيقة.pdf')).toMatch(/^attachment; filename="_+\.pdf"; filename\*=UTF-8''%D9/);
  });
});
