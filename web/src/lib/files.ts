/** The server takes at most 5 MB per attachment (decoded). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** A file's content as base64, without the data-URL prefix. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** The media type the server records; browsers leave it empty for some extensions. */
export const mediaTypeOf = (file: File): string => file.type || 'application/octet-stream';
