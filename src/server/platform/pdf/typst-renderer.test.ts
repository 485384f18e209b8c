import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { createTypstRenderer, loadFontBlobs, TypstRenderError, type TypstTemplate } from './typst-renderer';

const template: TypstTemplate = {
  name: 'test.typ',
  source: [
    '#let data = json(bytes(sys.inputs.data))',
    '#set text(font: "Noto Sans", lang: "de")',
    '= #data.title',
    '#for line in data.lines [ - #line \\ ]',
  ].join('\n'),
};

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('typst renderer', () => {
  const renderer = createTypstRenderer();

  it('loads its fonts from node_modules (TTF)', () => {
    const blobs = loadFontBlobs();
    expect(blobs.length).toBeGreaterThanOrEqual(2);
    // TrueType fonts start with 0x00010000, OpenType CFF ones with "OTTO".
    for (const b of blobs) expect(['00010000', '4f54544f']).toContain(b.subarray(0, 4).toString('hex'));
  });

  it('passes data as JSON: markup in it stays text, umlauts survive', async () => {
    const pdf = renderer.renderPdf(template, {
      title: 'Überprüfung für Jürgen Weiß',
      lines: ['#set page(width: 1cm) $x$ *fett* ] [ \\ <label> @ref', '#import "/etc/passwd": *', 'äöüß ÄÖÜ'],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Überprüfung für Jürgen Weiß');
    expect(text).toContain('#set page(width: 1cm) $x$ *fett* ] [ \\ <label> @ref');
    expect(text).toContain('#import "/etc/passwd": *');
    expect(text).toContain('äöüß ÄÖÜ');
  });

  it('reports a broken template as a render error, not as a document', () => {
    expect(() => renderer.renderPdf({ name: 'broken.typ', source: '#let x = (' }, {})).toThrow(TypstRenderError);
    // The compiler stays usable afterwards.
    expect(renderer.renderPdf(template, { title: 'ok', lines: [] }).length).toBeGreaterThan(1000);
  });
});
