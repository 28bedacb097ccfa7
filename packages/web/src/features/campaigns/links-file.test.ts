import { describe, expect, it } from 'vitest';
import { csvBlob, csvRowCount } from './links-file';

const CSV =
  '\uFEFFname;email;unit;link;kind;subject\r\nAnne;a@x.dk;Nord;https://e/r/abc;self;Anne\r\nBo;;Nord;https://e/r/def;self;Bo\r\n';

describe('csvRowCount', () => {
  it('counts the rows after the header', () => {
    expect(csvRowCount(CSV)).toBe(2);
    expect(csvRowCount('name;email\n')).toBe(0);
    expect(csvRowCount('')).toBe(0);
  });
});

describe('csvBlob', () => {
  it('starts the file with one UTF-8 BOM', async () => {
    for (const text of [CSV, CSV.slice(1)]) {
      const bytes = new Uint8Array(await csvBlob(text).arrayBuffer());
      expect([...bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x6e]);
    }
  });
});
