import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NodeCompiler, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';

/**
 * PDF documents from Typst templates (plans now, letters later).
 *
 * Safety: user text never becomes Typst markup. A template reads its data with
 * `#let data = json(bytes(sys.inputs.data))`; the renderer passes the data as one JSON string in
 * `sys.inputs`, and Typst shows a string value as literal text — `#`, `$`, `*`, `]` and `\` in a
 * name or a goal stay characters. Templates must never `eval` their data.
 *
 * Fonts come only from npm packages in node_modules (TTF/OTF; Typst cannot read woff2), so a PDF
 * looks the same on every machine and needs neither system fonts nor the network.
 */

/** A font family shipped in an npm package: the package and the font files inside it. */
export type FontSource = { family: string; packageName: string; files: readonly string[] };

/**
 * The families every template may use; a template picks them with `#set text(font: …)`, a list
 * of families falling back in order (`("Noto Sans", "Noto Sans Arabic")`). Noto Sans covers Latin,
 * Cyrillic and Greek; Noto Sans Arabic the Arabic script, also for Persian (consent texts in ar and
 * fa, right to left). Further scripts (Vazirmatn for letters) are added here.
 */
export const fontSources: readonly FontSource[] = [
  {
    family: 'Noto Sans',
    packageName: '@expo-google-fonts/noto-sans',
    files: [
      '400Regular/NotoSans_400Regular.ttf',
      '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
      '700Bold/NotoSans_700Bold.ttf',
      '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
    ],
  },
  {
    family: 'Noto Sans Arabic',
    packageName: '@expo-google-fonts/noto-sans-arabic',
    files: ['400Regular/NotoSansArabic_400Regular.ttf', '700Bold/NotoSansArabic_700Bold.ttf'],
  },
];

const require = createRequire(import.meta.url);

/** The font files of the sources, read from node_modules. */
export function loadFontBlobs(sources: readonly FontSource[] = fontSources): Buffer[] {
  return sources.flatMap((source) => {
    const root = dirname(require.resolve(`${source.packageName}/package.json`));
    return source.files.map((file) => readFileSync(join(root, file)));
  });
}

/** A Typst source file, read once. */
export type TypstTemplate = { name: string; source: string };

export function loadTypstTemplate(url: URL): TypstTemplate {
  return { name: url.pathname.split('/').pop() ?? 'template.typ', source: readFileSync(url, 'utf8') };
}

/** A template that does not compile is a bug of ours, never of the data: it surfaces as a 500. */
export class TypstRenderError extends Error {
  constructor(template: string, diagnostics: unknown) {
    super(`Typst template ${template} failed to compile: ${JSON.stringify(diagnostics)}`);
    this.name = 'TypstRenderError';
  }
}

export type TypstRenderer = {
  /** Compiles the template with `data` (JSON-serialisable) as `sys.inputs.data` into a PDF. */
  renderPdf(template: TypstTemplate, data: unknown): Buffer;
  /**
   * Compiles the template into one SVG of all pages, stacked top to bottom (each page a
   * `<g class="typst-page" transform="translate(0, y)" data-page-height="…">`); for previews.
   */
  renderSvg(template: TypstTemplate, data: unknown): string;
};

/**
 * A renderer with its own compiler. Creating one loads the fonts (some 60 ms); compiling a plan
 * then takes a few milliseconds, so the process shares one (`typstRenderer()`).
 */
export function createTypstRenderer(sources: readonly FontSource[] = fontSources): TypstRenderer {
  const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: loadFontBlobs(sources) }] });
  function render<T>(template: TypstTemplate, data: unknown, output: (document: NodeTypstDocument) => T): T {
    const result = compiler.compile({
      mainFileContent: template.source,
      inputs: { data: JSON.stringify(data) },
    });
    try {
      const document = result.result;
      if (result.hasError() || !document) {
        const error = result.takeError();
        throw new TypstRenderError(template.name, error ? compiler.fetchDiagnostics(error) : 'no document');
      }
      return output(document);
    } finally {
      // Drop memoised results that were not reused for a while, so memory stays flat under load.
      compiler.evictCache(10);
    }
  }
  return {
    renderPdf: (template, data) => render(template, data, (document) => compiler.pdf(document)),
    renderSvg: (template, data) => render(template, data, (document) => compiler.svg(document)),
  };
}

let shared: TypstRenderer | null = null;

/** The process-wide renderer, created on first use. */
export function typstRenderer(): TypstRenderer {
  shared ??= createTypstRenderer();
  return shared;
}
