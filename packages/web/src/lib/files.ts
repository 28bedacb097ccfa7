/** Reads a file as text (UTF-8; the server also copes with a BOM). */
export function readFileAsText(file: Blob): Promise<string> {
  return file.text();
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
