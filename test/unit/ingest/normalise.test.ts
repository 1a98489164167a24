import { describe, expect, it } from 'vitest';
import { normaliseExtractedText } from '../../../electron/core/ingest/normalise-text.js';
import { decodeCaseText } from '../../../electron/core/ingest/text-encoding.js';
import { sniffKind } from '../../../electron/core/ingest/sniff.js';

describe('text-layer normalisation', () => {
  it('maps Kangxi and supplement radicals to ordinary characters', () => {
    expect(normaliseExtractedText('⻅证⼈：⻓⻔⻢⻜')).toBe('见证人：长门马飞');
  });
  it('keeps Chinese punctuation full-width and folds full-width digits and letters', () => {
    expect(normaliseExtractedText('时间：２０２４年３月５日（星期二），ＡＢ')).toBe('时间：2024年3月5日（星期二），AB');
  });
  it('drops the seams beside full-width punctuation but keeps spaces that separate names', () => {
    expect(normaliseExtractedText('通知时间： 2023年10月11日\n被通知人： 黄磊 （父亲）')).toBe(
      '通知时间：2023年10月11日\n被通知人：黄磊（父亲）',
    );
    expect(normaliseExtractedText('侦查员：郑凯 冯磊')).toBe('侦查员：郑凯 冯磊');
  });
});

describe('file formats', () => {
  it('decodes GB18030 text that is not valid UTF-8, and UTF-8 with a BOM', () => {
    const gb = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]); // 张三 in GBK
    expect(decodeCaseText(gb)).toEqual({ text: '张三', encoding: 'gb18030' });
    expect(decodeCaseText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0xbc, 0xa0]))).toEqual({ text: '张', encoding: 'utf-8' });
  });
  it('decides formats by content, not by name', () => {
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    expect(sniffKind(bytes('%PDF-1.7\n'), 'scan.jpg')).toBe('pdf');
    expect(sniffKind(bytes('\xff\xd8\xff\xe0'), 'a.pdf')).toBe('image');
    expect(sniffKind(bytes('II*\x00'), 'a.tif')).toBe('tiff');
    expect(sniffKind(bytes('PK\x03\x04'), '笔录.docx')).toBe('docx');
    expect(sniffKind(bytes('PK\x03\x04'), 'archive.zip')).toBeNull();
    expect(sniffKind(bytes('hello'), 'notes.xyz')).toBeNull();
  });
});
