import { describe, expect, it } from 'vitest';
import { decodeTextBytes, readFileAsBase64, readFileAsText } from './files';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeTextBytes', () => {
  it('reads UTF-8 and drops a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Navn;Enhed\nSøren Ærø;ÆLD')]);
    expect(decodeTextBytes(bytes)).toBe('Navn;Enhed\nSøren Ærø;ÆLD');
  });

  it('falls back to windows-1252 when the bytes are not valid UTF-8', () => {
    // "Søren Åse" as Excel writes it in a Danish locale: ø = 0xf8, Å = 0xc5.
    const bytes = new Uint8Array([0x53, 0xf8, 0x72, 0x65, 0x6e, 0x20, 0xc5, 0x73, 0x65]);
    expect(decodeTextBytes(bytes)).toBe('Søren Åse');
  });

  it('reads plain ASCII the same either way', () => {
    expect(decodeTextBytes(utf8('a;b;c'))).toBe('a;b;c');
  });
});

describe('reading files', () => {
  it('reads a blob as text and as base64', async () => {
    const blob = new Blob([new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('æ')])]);
    expect(await readFileAsText(blob)).toBe('æ');
    expect(await readFileAsBase64(new Blob([utf8('abc')]))).toBe('YWJj');
  });
});
