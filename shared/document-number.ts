// A document number as typists and OCR vary it: 〔2024〕, [2024], 【2024】, [2024), 第…号.
// Two readings of one number compare equal under this key.
export function numberKey(n: string): string {
  return n.replace(/[\s〔〕[\]【】()（）{}「」]/g, '').replace(/第/g, '');
}
