/**
 * Decodes text bytes: UTF-8 when they are valid UTF-8 (a BOM is dropped), else windows-1252,
 * the code page older Danish and Norwegian HR systems and Excel's "CSV" still write.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Reads a text file (CSV, JSON) with `decodeTextBytes`. */
export async function readFileAsText(file: Blob): Promise<string> {
  return decodeTextBytes(new Uint8Array(await file.arrayBuffer()));
}

/** Reads a binary file (XLSX) as base64, in chunks so that large files do not overflow the stack. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}
