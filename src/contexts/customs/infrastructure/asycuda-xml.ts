/**
 * Reading an ASYCUDA SAD XML message safely (CUS-INF-02): size limit, no DOCTYPE or entities (XXE),
 * well-formedness and the XSD (asycuda-sad.xsd, next to this file) with libxml2 compiled to
 * WebAssembly, then the pure mapping of domain/asycuda-import.ts. One parser does both the check
 * and the reading, so what was validated is exactly what is mapped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseOption, XmlDocument, XmlElement, XmlError, XmlLibError, XmlText, type XmlTreeNode, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { type Failure, fail, type Result } from '../../../platform/result.ts';
import type { AsycudaErrorCode } from '../domain/asycuda-errors.ts';
import { declarationFromSad, type SadImport } from '../domain/asycuda-import.ts';
import type { SadElement } from '../domain/asycuda-map.ts';

/** 4 MiB of UTF-8: an AW declaration of 999 fully filled items is about 3 MiB. */
export const ASYCUDA_MAX_BYTES = 4 * 1024 * 1024;
/** At most this many violations are reported (a document of the wrong kind would give thousands). */
const MAX_VIOLATIONS = 100;

export const SAD_XSD_PATH = join(import.meta.dirname, 'asycuda-sad.xsd');

let validator: XsdValidator | undefined;
/** Compiled once per process and kept: it is immutable and validating is re-entrant on one thread. */
function sadValidator(): XsdValidator {
  if (!validator) {
    const schema = XmlDocument.fromString(readFileSync(SAD_XSD_PATH, 'utf8'));
    try {
      validator = XsdValidator.fromDoc(schema);
    } finally {
      schema.dispose();
    }
  }
  return validator;
}

export type Violation = { readonly line: number; readonly column: number; readonly message: string; readonly path?: string };

const violations = (e: XmlLibError): Violation[] =>
  e.details.slice(0, MAX_VIOLATIONS).map((d) => ({
    line: d.line,
    column: d.col,
    message: d.message.trim(),
    ...((d as { xpath?: string }).xpath ? { path: (d as { xpath?: string }).xpath } : {}),
  }));

function tree(element: XmlElement): SadElement {
  const children: SadElement[] = [];
  let text = '';
  for (let n: XmlTreeNode | null = element.firstChild; n; n = n.next) {
    if (n instanceof XmlText) text += n.content;
    else if (n instanceof XmlElement) children.push(tree(n));
  }
  return { name: element.name, text, line: element.line, children };
}

type ReadFailure = Failure<AsycudaErrorCode>;

/** Parses and validates; the document tree on success. */
export function readSadXml(xml: string): Result<SadElement, ReadFailure> {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > ASYCUDA_MAX_BYTES) return fail('ASYCUDA_XML_TOO_LARGE', 'body.xml', { limitBytes: ASYCUDA_MAX_BYTES, bytes });
  // No exchange message needs a DTD; refusing it outright closes XXE and entity expansion.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return fail('ASYCUDA_XML_DOCTYPE_FORBIDDEN', 'body.xml');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(xml)?.[1];
  if (declared && declared.toUpperCase() !== 'UTF-8') {
    return fail('ASYCUDA_XML_MALFORMED', 'body.xml', { violations: [{ line: 1, column: 1, message: `encoding ${declared}: only UTF-8 is exchanged` }] });
  }
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml, { option: ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE });
  } catch (e) {
    if (e instanceof XmlLibError) return fail('ASYCUDA_XML_MALFORMED', 'body.xml', { violations: violations(e) });
    if (e instanceof XmlError) return fail('ASYCUDA_XML_MALFORMED', 'body.xml', { violations: [{ line: 0, column: 0, message: e.message }] });
    throw e;
  }
  try {
    sadValidator().validate(doc);
    return { ok: true, value: tree(doc.root) };
  } catch (e) {
    if (e instanceof XmlValidateError) return fail('ASYCUDA_XML_INVALID', 'body.xml', { violations: violations(e) });
    throw e;
  } finally {
    doc.dispose();
  }
}

/**
 * An ASYCUDA SAD XML document as our declaration data, its registration metadata and the element
 * paths we ignored; or the refusal with every violation (line, message) or data problem.
 */
export function fromSadXml(xml: string): Result<SadImport, ReadFailure> {
  const read = readSadXml(xml);
  return read.ok ? declarationFromSad(read.value) : read;
}
