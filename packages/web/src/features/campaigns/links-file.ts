/** How many links a links CSV holds: its non-empty lines after the header (a BOM is ignored). */
export function csvRowCount(csv: string): number {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  return Math.max(0, lines.length - 1);
}

/** The CSV as a UTF-8 file with a BOM (so that Excel reads æ, ø and å right). */
export function csvBlob(csv: string): Blob {
  const text = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}

/** Saves text as a file through a temporary download link. */
export function saveCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(csvBlob(csv));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
