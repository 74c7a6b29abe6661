// MapLint for VS Code: starts `maplint lsp` once a JSON document that declares a MapLint kind, or a dual-write
// map record exported from Dataverse (a Web API page, a solution's Customizations.xml), is open, and hands every
// JSON document and every Customizations.xml to it; the server reports only on MapLint's and the service's. Schemas for completion come from contributes.jsonValidation (see package.json), so documents need
// no "$schema".
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

const MAPLINT_KIND = /"kind"\s*:\s*"(tableMap|connectionSet|project|entityMetadata)"/;
const SERVICE_RECORD = /"msdyn_mapping"\s*:/;
const SOLUTION_RECORD = /<msdyn_dualwriteentitymap[\s>]/;

let client;

function isMapLintDocument(document) {
  // A solution's map records can come after every other component: the whole file is searched.
  if (document.languageId === 'xml') return /Customizations\.xml$/i.test(document.fileName) && SOLUTION_RECORD.test(document.getText());
  if (document.languageId !== 'json' && document.languageId !== 'jsonc') return false;
  const head = document.getText(new vscode.Range(0, 0, 200, 0));
  return MAPLINT_KIND.test(head) || SERVICE_RECORD.test(head);
}

function start(context) {
  if (client) return;
  const settings = vscode.workspace.getConfiguration('maplint');
  const command = settings.get('path') || 'maplint';
  const serverOptions = { run: { command, args: ['lsp'], transport: TransportKind.stdio }, debug: { command, args: ['lsp'], transport: TransportKind.stdio } };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'json' }, { scheme: 'file', language: 'jsonc' }, { scheme: 'file', language: 'xml', pattern: '**/Customizations.xml' }],
    initializationOptions: { baseline: settings.get('baseline') || undefined },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{json,xml}') },
  };
  client = new LanguageClient('maplint', 'MapLint', serverOptions, clientOptions);
  client.start().catch(error => {
    vscode.window.showErrorMessage(`MapLint: could not start '${command} lsp' (${error.message}). Set maplint.path to the maplint program.`);
    client = undefined;
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function activate(context) {
  const consider = document => { if (isMapLintDocument(document)) start(context); };
  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, isMapLintDocument };
