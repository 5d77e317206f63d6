// dossier identities | case create|add|questions|list|show
import { carriedIdentities, identityReport } from '../../records/identity.js';
import { listCases, getCase, createCase, addCaseRecords, setCaseQuestions } from '../../cases/case-store.js';
import { DossierError } from '../../base/errors.js';
import { withVault, print, printJson, type Options } from '../context.js';
import { formatBytes } from '../terminal.js';

export async function identities(options: Options): Promise<number> {
  return withVault(options, async (vault) => {
    const report = identityReport(carriedIdentities(vault.db));
    if (options.json) {
      printJson(report);
      return 0;
    }
    if (!report.groups.length) print('No record carries a patient identity yet.');
    for (const g of report.groups) {
      const i = g.identity;
      print(`${i.name ?? '(no name)'}  ID ${i.id ?? '-'}  born ${i.birthDate ?? '-'}  (${i.source}) — ${g.recordIds.length} record(s): ${g.recordIds.join(' ')}`);
    }
    if (report.conflicts.length) {
      print('');
      print('Possible different people:');
      for (const c of report.conflicts) print(`  ! ${c}`);
    }
    return 0;
  });
}

export async function caseCommand(options: Options, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  return withVault(options, async (vault) => {
    const db = vault.db;
    switch (sub) {
      case 'create': {
        if (!options.title) throw new DossierError('invalid-params', 'Give the case a title: dossier case create --title "Second opinion on my biopsy"');
        const c = createCase(db, { title: options.title, ...(options.question ? { question: options.question } : {}), ...(options.provider ? { provider: { name: options.provider } } : {}) });
        if (options.json) printJson(c);
        else print(`Created case ${c.id}: ${c.title}`);
        return 0;
      }
      case 'add': {
        const [caseId, ...recordIds] = rest;
        if (!caseId || !recordIds.length) throw new DossierError('invalid-params', 'Usage: dossier case add CASE RECORD...');
        const c = addCaseRecords(db, caseId, recordIds);
        print(`Case ${c.id} now has ${c.recordIds.length} record(s).`);
        for (const conflict of c.identityConflicts) print(`  ! ${conflict}`);
        return 0;
      }
      case 'questions': {
        const [caseId] = rest;
        if (!caseId) throw new DossierError('invalid-params', 'Usage: dossier case questions CASE --add "…"');
        const c = getCase(db, caseId);
        const next = options.add?.length ? setCaseQuestions(db, caseId, [...c.questions, ...options.add]) : c;
        if (options.json) printJson(next.questions);
        else next.questions.forEach((q, i) => print(`${i + 1}. ${q}`));
        return 0;
      }
      case 'list': {
        const cases = listCases(db);
        if (options.json) printJson(cases);
        else if (!cases.length) print('No cases yet. Create one: dossier case create --title "…"');
        else for (const c of cases) print(`${c.id}  ${c.title}  (${c.recordCount} records, ${formatBytes(c.totalBytes)}${c.provider.name ? `, for ${c.provider.name}` : ''})`);
        return 0;
      }
      case 'show': {
        const [caseId] = rest;
        if (!caseId) throw new DossierError('invalid-params', 'Usage: dossier case show CASE');
        const c = getCase(db, caseId);
        if (options.json) {
          printJson(c);
          return 0;
        }
        print(c.title);
        if (c.question) print(`  Question: ${c.question}`);
        if (c.provider.name || c.provider.institution) print(`  For: ${[c.provider.name, c.provider.institution].filter(Boolean).join(', ')}`);
        print(`  ${c.recordIds.length} record(s), ${formatBytes(c.totalBytes)}: ${c.recordIds.join(' ')}`);
        c.questions.forEach((q, i) => print(`  ${i + 1}. ${q}`));
        for (const conflict of c.identityConflicts) print(`  ! ${conflict}`);
        print(c.shares.length ? '  Shared:' : '  Not shared yet.');
        for (const s of c.shares)
          print(`    ${s.exportedAt}  ${s.destinationKind}${s.encrypted ? ' (password)' : ''} ${s.destination}  ${s.fileCount} files, ${formatBytes(s.bytes)}${s.providerName ? `, to ${s.providerName}` : ''}  manifest ${s.manifestSha256.slice(0, 16)}…`);
        return 0;
      }
      default:
        throw new DossierError('invalid-params', 'Usage: dossier case create|add|questions|list|show …');
    }
  });
}
