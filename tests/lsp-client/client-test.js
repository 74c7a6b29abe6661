// A real LSP client session against `maplint lsp`, with Microsoft's protocol library (the one under
// vscode-languageclient). Usage: node client-test.js WORKSPACE_DIR SERVER_COMMAND [ARGS...]
// WORKSPACE_DIR is a copy of examples/broken/DIPV1004 (a key field mapped one way, metadata beside it).
// It opens the map, checks the diagnostic and its range, edits the map, checks the new diagnostic, applies the
// quick fix the server offers and sees the diagnostic go away; then hover, definition, shutdown and exit.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-languageserver-protocol/node');

const [workspace, command, ...args] = process.argv.slice(2);
if (!workspace || !command) {
  console.error('usage: node client-test.js WORKSPACE_DIR SERVER_COMMAND [ARGS...]');
  process.exit(2);
}

let failures = 0;
function check(condition, what) {
  console.log(`${condition ? 'ok' : 'FAILED'}: ${what}`);
  if (!condition) failures++;
}

// Line/character (UTF-16, 0-based) of an offset in a JS string, computed here, independently of the server.
function positionOf(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
function rangeOf(text, needle, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`'${needle}' not in the document`);
  return { start: positionOf(text, start), end: positionOf(text, start + needle.length) };
}
function offsetOf(text, position) {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}
const sameRange = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function main() {
  const server = spawn(command, [...args, 'lsp'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', d => { stderr += d; });
  const exited = new Promise(resolve => server.on('exit', code => resolve(code)));
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));

  const waiters = [];
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, params => {
    for (const waiter of waiters.slice()) {
      if (waiter.uri === params.uri && waiter.predicate(params.diagnostics)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  const diagnosticsWhere = (uri, predicate, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for diagnostics: ${what}`)), 30000);
    waiters.push({ uri, predicate, resolve: d => { clearTimeout(timer); resolve(d); } });
  });
  connection.listen();

  const rootUri = pathToFileURL(workspace).href;
  const init = await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'broken' }], capabilities: {},
  });
  check(init.capabilities.textDocumentSync && init.capabilities.codeActionProvider && init.capabilities.hoverProvider && init.capabilities.definitionProvider,
    'initialize: sync, code actions, hover and definition are offered');
  await connection.sendNotification(rpc.InitializedNotification.type, {});

  const file = path.join(workspace, 'map.json');
  const uri = pathToFileURL(file).href;
  let text = fs.readFileSync(file, 'utf8');
  let version = 1;
  const firstDiagnostics = diagnosticsWhere(uri, d => d.length > 0, 'after didOpen');
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version, text } });
  let diagnostics = await firstDiagnostics;
  const keyRange = rangeOf(text, '"accountnumber"', text.indexOf('"direction": ">"'));
  const key = diagnostics.find(d => d.code === 'DIPV1004');
  check(key && sameRange(key.range, keyRange), `DIPV1004 at ${JSON.stringify(keyRange)} (got ${JSON.stringify(key && key.range)})`);
  check(key && key.severity === 1 && key.source === 'maplint' && /docs\/rules\/DIPV1004\.md$/.test(key.codeDescription.href), 'DIPV1004 is an error linked to its rule page');

  // An edit as an editor sends it (incremental): the destination 'name' becomes 'nam', not in the metadata.
  const nameRange = rangeOf(text, '"name"', text.indexOf('ORGANIZATIONNAME'));
  const inner = { start: { line: nameRange.start.line, character: nameRange.start.character + 1 }, end: { line: nameRange.end.line, character: nameRange.end.character - 1 } };
  text = text.slice(0, offsetOf(text, inner.start)) + 'nam' + text.slice(offsetOf(text, inner.end));
  const afterEdit = diagnosticsWhere(uri, d => d.some(x => x.code === 'DIPV1025'), 'after didChange');
  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ range: inner, text: 'nam' }] });
  diagnostics = await afterEdit;
  const unknown = diagnostics.find(d => d.code === 'DIPV1025');
  const namRange = rangeOf(text, '"nam"');
  check(unknown && sameRange(unknown.range, namRange), `DIPV1025 at ${JSON.stringify(namRange)} after the edit (got ${JSON.stringify(unknown && unknown.range)})`);
  check(diagnostics.some(d => d.code === 'DIPV1004'), 'DIPV1004 is still reported after the unrelated edit');

  // The quick fix of DIPV1004, applied as a client applies a WorkspaceEdit, sent back as edits.
  const keyNow = diagnostics.find(d => d.code === 'DIPV1004');
  const actions = await connection.sendRequest(rpc.CodeActionRequest.type, { textDocument: { uri }, range: keyNow.range, context: { diagnostics: [keyNow] } });
  const fix = actions.find(a => a.kind === 'quickfix' && a.isPreferred && a.diagnostics.some(d => d.code === 'DIPV1004'));
  check(fix !== undefined, `a preferred quick fix for DIPV1004 (${actions.map(a => a.title).join('; ')})`);
  check(actions.some(a => /^Suppress DIPV1004 on this mapping/.test(a.title)), 'a "suppress with justification" action');
  const edits = fix.edit.changes[uri];
  const changes = [];
  for (const edit of edits.slice().sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start))) {
    text = text.slice(0, offsetOf(text, edit.range.start)) + edit.newText + text.slice(offsetOf(text, edit.range.end));
    changes.push({ range: edit.range, text: edit.newText });
  }
  check(text.includes('"direction": "=", "destination": "accountnumber"'), 'the fix maps the key field with =');
  const afterFix = diagnosticsWhere(uri, d => !d.some(x => x.code === 'DIPV1004'), 'after applying the fix');
  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: changes });
  diagnostics = await afterFix;
  check(!diagnostics.some(d => d.code === 'DIPV1004') && diagnostics.some(d => d.code === 'DIPV1025'), 'DIPV1004 is gone, DIPV1025 stays');

  // Hover on the key field, definition from a lookup to the map of its table.
  const hover = await connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: rangeOf(text, 'accountnumber').start });
  check(hover && /integration key/.test(hover.contents.value) && /max length 20/.test(hover.contents.value), `hover shows the field's metadata (${hover && hover.contents.value.split('\n')[0]})`);
  const lookup = rangeOf(text, 'msdyn_customergroupid.msdyn_groupid').start;
  const definition = await connection.sendRequest(rpc.DefinitionRequest.type, { textDocument: { uri }, position: lookup });
  check(Array.isArray(definition) && definition.length === 1 && definition[0].uri.endsWith('/customer-groups-map.json'), `definition of the lookup is the map of its table (${JSON.stringify(definition)})`);

  const unknownMethod = await connection.sendRequest('maplint/noSuchMethod', {}).then(() => null, e => e);
  check(unknownMethod && unknownMethod.code === -32601, 'an unknown method is answered with MethodNotFound');

  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('still running'), 10000))]);
  check(code === 0, `the server exits with 0 after shutdown and exit (got ${code})`);
  connection.dispose();
  if (failures > 0 && stderr) console.error(stderr);
  console.log(failures === 0 ? 'lsp client test: passed' : `lsp client test: ${failures} check(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch(e => { console.error(e); process.exit(1); });
