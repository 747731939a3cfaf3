import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { attachments } from '../infrastructure/schema.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

/** A file as it arrives in a request. */
export type AttachmentInput = {
  readonly kind: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly contentBase64: string;
  /** Number of sheets (Annex 3, item 1: "… in ___ sheets"). */
  readonly sheets?: number;
};

export type DecodedAttachment = AttachmentInput & { readonly sizeBytes: number; readonly sha256: string };

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks each file: real base64, not empty, at most 5 MB; computes its SHA-256 (FIS-IMP-24). */
export function decodeAttachments(list: readonly AttachmentInput[]): Result<DecodedAttachment[], Failure<'ATTACHMENT_INVALID'>> {
  const out: DecodedAttachment[] = [];
  for (const [i, a] of list.entries()) {
    const clean = a.contentBase64.replace(/\s+/g, '');
    if (clean.length === 0 || clean.length % 4 !== 0 || !BASE64.test(clean))
      return fail('ATTACHMENT_INVALID', `body.attachments[${i}].contentBase64`, { reason: 'NOT_BASE64' });
    const bytes = Buffer.from(clean, 'base64');
    if (bytes.length === 0) return fail('ATTACHMENT_INVALID', `body.attachments[${i}].contentBase64`, { reason: 'EMPTY' });
    if (bytes.length > MAX_ATTACHMENT_BYTES)
      return fail('ATTACHMENT_INVALID', `body.attachments[${i}].contentBase64`, { reason: 'TOO_LARGE', maxBytes: MAX_ATTACHMENT_BYTES });
    out.push({ ...a, contentBase64: clean, sizeBytes: bytes.length, sha256: sha256Hex(bytes) });
  }
  return ok(out);
}

export async function storeAttachments(
  tx: Db,
  owner: { readonly type: 'application' | 'tsc_application' | 'branch' | 'specialist'; readonly id: string },
  list: readonly DecodedAttachment[],
  at: Date,
): Promise<void> {
  if (list.length === 0) return;
  await tx.insert(attachments).values(
    list.map((a) => ({
      id: uuidv7(at.getTime()),
      ownerType: owner.type,
      ownerId: owner.id,
      kind: a.kind,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      sheets: a.sheets ?? null,
      contentBase64: a.contentBase64,
      createdAt: at,
    })),
  );
}
