// The room rules in eslint.config.js fire: each folder refuses the imports the design keeps out of it. (Lint runs in
// `npm test`; this proves the rules are not silently matching nothing.)
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let eslint: ESLint;

beforeAll(() => {
  // Type information is not needed for import rules; without it the snippets need not exist on disk.
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [
      { languageOptions: { parserOptions: { projectService: false, project: null } } },
      tseslint.configs.disableTypeChecked,
    ],
  });
});

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.ruleId!);
}

describe('import boundaries', () => {
  it.each([
    ['lib/match/x.ts', "import Dexie from 'dexie';\nexport const d = Dexie;"],
    ['lib/rank/x.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;"],
    ['lib/portfolio/x.ts', "import { listEvidence } from '../store/evidence';\nexport const l = listEvidence;"],
    ['lib/dataset/x.ts', "import { collectBlocks } from '../page/blocks';\nexport const c = collectBlocks;"],
    ['lib/match/y.ts', 'export const t = document.title;'],
    ['lib/capture/x.ts', "import { collectBlocks } from '../page/blocks';\nexport const c = collectBlocks;"],
    ['lib/doc/x.ts', "import Dexie from 'dexie';\nexport const d = Dexie;"],
    ['lib/page/x.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;"],
    ['lib/page/y.ts', "import { pageDb } from '../ext/live';\nexport const p = pageDb;"],
    ['components/X.tsx', "import { listSuites } from '@/lib/store';\nexport const l = listSuites;"],
    ['components/Y.tsx', "import { send } from '@/lib/ext/send';\nexport const s = send;"],
    [
      'entrypoints/content/x.ts',
      "import { pageDb } from '@/lib/ext/live';\nimport { listSuites } from '@/lib/store';\nexport const x = [pageDb, listSuites];",
    ],
    ['entrypoints/popup/x.tsx', "import { handleMessage } from '@/lib/messages';\nexport const h = handleMessage;"],
  ])(
    '%s may not import that',
    async (file, code) => {
      expect((await restricted(file, code)).length).toBeGreaterThan(0);
    },
    60_000,
  );

  it.each([
    ['lib/match/z.ts', "import { codeKey } from '../dataset/codes';\nexport const c = codeKey;"],
    ['components/Z.tsx', "import type { SuiteSummary } from '@/lib/dataset/summary';\nexport type S = SuiteSummary;"],
    [
      'entrypoints/popup/z.tsx',
      "import type { ReplyOf } from '@/lib/messages';\nexport type R = ReplyOf<'getStatus'>;",
    ],
    ['entrypoints/options/z.tsx', "import { listSuites } from '@/lib/store';\nexport const l = listSuites;"],
  ])(
    '%s may import that',
    async (file, code) => {
      expect(await restricted(file, code)).toEqual([]);
    },
    60_000,
  );
});
