// Copies the repository's generated JSON Schemas (schemas/, written by `maplint schemas`) into the extension,
// beside documents.schema.json, which picks the schema of a document from its "kind".
'use strict';
const fs = require('fs');
const path = require('path');
const from = path.join(__dirname, '..', '..', '..', 'schemas');
const to = path.join(__dirname, '..', 'schemas');
fs.mkdirSync(to, { recursive: true });
const kinds = ['tableMap', 'connectionSet', 'project', 'entityMetadata'];
for (const name of [...kinds, 'maplint']) {
  fs.copyFileSync(path.join(from, `${name}.schema.json`), path.join(to, `${name}.schema.json`));
}
const dispatcher = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'MapLint document',
  description: 'Validates a JSON document against the MapLint schema of its kind; documents without a MapLint kind are left alone.',
  allOf: kinds.map(kind => ({
    if: { type: 'object', properties: { kind: { const: kind } }, required: ['kind'] },
    then: { $ref: `./${kind}.schema.json` },
  })),
};
fs.writeFileSync(path.join(to, 'documents.schema.json'), JSON.stringify(dispatcher, null, 2) + '\n');
console.log(`copied ${kinds.length + 1} schemas and wrote documents.schema.json`);
