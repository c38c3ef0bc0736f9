// Importing a standards file (CSV or JSON): checked whole against the bundled standards' ids and names, previewed suite
// by suite, then saved by the background, which tells open tabs. Another kind of file is refused with what it is.
import { pageDb } from '@/lib/ext/live';
import { send } from '@/lib/ext/send';
import { useFileImport } from '@/lib/ext/use-file-import';
import { parseSuitesFile, SUITES_MAX_BYTES, type Reserved } from '@/lib/dataset/import';
import type { Suite } from '@/lib/dataset/schema';
import { detectFileKind, wrongFileMessage } from '@/lib/portfolio/file-kind';
import { previewSuites, type SuitePreview } from '@/lib/store';

interface ParsedSuites {
  suites: Suite[];
  warnings: string[];
}

export function useSuitesImport(reserved: Reserved) {
  return useFileImport<ParsedSuites, SuitePreview[], { suites: number; units: number }>({
    maxBytes: SUITES_MAX_BYTES,
    tooLarge: () => `The file is too large (at most 5 MB).`,
    parse: (text, fileName) => {
      const wrong = wrongFileMessage(detectFileKind(text), 'standards');
      if (wrong) return { ok: false, errors: [wrong] };
      const parsed = parseSuitesFile(fileName, text, reserved);
      return parsed.ok ? { ok: true, value: { suites: parsed.suites, warnings: parsed.warnings } } : parsed;
    },
    preview: ({ suites }) => previewSuites(pageDb(), suites),
    apply: ({ suites }) => send({ type: 'importSuites', suites }),
  });
}
