import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arrayElementTexts } from './json-elements.ts';

describe('arrayElementTexts', () => {
  it('FIS-OPR-05: gives each document of a batch exactly as it was written, whitespace, escapes and number forms kept', () => {
    const docs = ['{"a":1.50,"s":"x\\"}]{[,y"}', '{ "b" : [1, {"c":"\\\\"}] }', '{"u":"\\u0434"}'];
    const text = `{ "documents" : [\n ${docs[0]},${docs[1]} ,\n\t${docs[2]} ] }`;
    const parsed = JSON.parse(text) as { documents: unknown[] };
    const got = arrayElementTexts(text, 'documents', parsed.documents.length);
    assert.deepEqual(got, docs);
    // Each text parses to the element the whole body parsed to.
    assert.deepEqual(
      got?.map((t) => JSON.parse(t)),
      parsed.documents,
    );
  });

  it('FIS-OPR-05: refuses a text of another shape so the caller re-serialises instead', () => {
    assert.equal(arrayElementTexts('{"documents":[{"a":1}]}', 'documents', 2), undefined);
    assert.equal(arrayElementTexts('{"other":[{"a":1}]}', 'documents', 1), undefined);
    assert.equal(arrayElementTexts('{"documents":[{"a":1}', 'documents', 1), undefined);
    assert.deepEqual(arrayElementTexts('{"documents":[]}', 'documents', 0), []);
  });
});
