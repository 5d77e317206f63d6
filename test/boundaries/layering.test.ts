// The process boundaries are enforced by ESLint (eslint.config.js); these tests prove each rule
// fires on a violation and stays quiet on allowed code.
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import { CORE_LAYERS } from '../../eslint.config.js';

const eslint = new ESLint({ cwd: process.cwd() });

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message);
}

describe('layering rules', () => {
  it('electron/core may not import electron', async () => {
    expect(await errors('electron/core/vault/x.ts', `import { app } from 'electron';\n`)).toEqual([expect.stringContaining('never import electron')]);
    expect(await errors('electron/core/vault/x.ts', `const e = 1;\nimport('electron/main');\nimport { x } from 'electron/main';\n`)).toHaveLength(1);
    expect(await errors('electron/core/vault/x.ts', `import { x } from '../../shell/window-options.js';\n`)).toEqual([expect.stringContaining('shell')]);
  });

  it('electron/core may import Node built-ins and its own modules', async () => {
    expect(await errors('electron/core/vault/x.ts', `import fs from 'node:fs';\nimport { y } from '../crypto/keys.js';\nimport type { X } from '../../../shared/api.js';\n`)).toEqual([]);
  });

  it('renderer may not import Node built-ins, electron, or electron/ code', async () => {
    expect(await errors('renderer/src/x.tsx', `import fs from 'fs';\n`)).toHaveLength(1);
    expect(await errors('renderer/src/x.tsx', `import fs from 'node:fs';\n`)).toHaveLength(1);
    expect(await errors('renderer/src/x.tsx', `import path from 'path';\n`)).toHaveLength(1);
    expect(await errors('renderer/src/x.tsx', `import { ipcRenderer } from 'electron';\n`)).toHaveLength(1);
    expect(await errors('renderer/src/x.tsx', `import { Vault } from '../../electron/core/vault/vault.js';\n`)).toHaveLength(1);
    expect(await errors('renderer/src/x.tsx', `import React from 'react';\nimport type { DossierApi } from '../../shared/api.js';\n`)).toEqual([]);
  });

  it('shared may import only from shared', async () => {
    expect(await errors('shared/x.ts', `import { z } from 'zod';\n`)).toHaveLength(1);
    expect(await errors('shared/x.ts', `import { Vault } from '../electron/core/vault/vault.js';\n`)).toHaveLength(1);
    expect(await errors('shared/x.ts', `import type { RecordType } from './domain.js';\n`)).toEqual([]);
    expect(await errors('shared/words/x.ts', `import type { RecordType } from '../domain.js';\nimport { y } from './y.js';\n`)).toEqual([]);
    expect(await errors('shared/words/x.ts', `import { Vault } from '../../electron/core/vault/vault.js';\n`)).toHaveLength(1);
    expect(await errors('shared/words/x.ts', `import { z } from 'zod';\n`)).toHaveLength(1);
  });

  it('inside electron/core, a lower layer may not import a higher one', async () => {
    expect(await errors('electron/core/vault/x.ts', `import { Importer } from '../import/pipeline.js';\n`)).toEqual([expect.stringContaining('Core layering')]);
    expect(await errors('electron/core/dicom/pixels/x.ts', `import { listRecords } from '../../records/record-store.js';\n`)).toEqual([expect.stringContaining('Core layering')]);
    expect(await errors('electron/core/records/x.ts', `import type { Analysis } from '../import/pipeline.js';\n`)).toEqual([expect.stringContaining('Core layering')]);
    expect(await errors('electron/core/base/x.ts', `import { Vault } from '../vault/vault.js';\n`)).toEqual([expect.stringContaining('Core layering')]);
    expect(await errors('electron/core/service/x.ts', `import { run } from '../cli/main.js';\n`)).toEqual([expect.stringContaining('Core layering')]);
  });

  it('inside electron/core, a layer may import itself and the layers below', async () => {
    expect(await errors('electron/core/import/x.ts', `import { SkipFile } from '../base/analysis.js';\nimport { parseDicomInstance } from '../dicom/parse.js';\nimport { zipTree } from './zip-tree.js';\nimport { x } from '../bundle/plan.js';\n`)).toEqual([]);
    expect(await errors('electron/core/cli/commands/x.ts', `import { print } from '../context.js';\nimport { y } from '../../service/service.js';\n`)).toEqual([]);
  });

  it('every folder of electron/core belongs to a declared layer', () => {
    const declared = new Set(CORE_LAYERS.flat());
    const folders = readdirSync('electron/core', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => !declared.has(f))).toEqual([]);
    expect(readdirSync('electron/core', { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name)).toEqual([]);
  });
});
