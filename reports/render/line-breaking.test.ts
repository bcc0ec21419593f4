import { describe, expect, it } from 'vitest';
import { breakAtSpaces, lineBreaking } from './line-breaking';

describe('line breaking by script', () => {
  it('breaks Korean at spaces only, and leaves other scripts to PDFKit (UAX #14)', () => {
    expect(lineBreaking('ko')).toBe('words');
    expect(lineBreaking('ko-KR')).toBe('words');
    for (const language of ['en', 'zh-CN', 'ja']) expect(lineBreaking(language), language).toBe('uax14');
  });

  it('ends each line at the last space that lets it fit, newline included', () => {
    // one unit per character, as a monospaced font would measure
    const widthOf = (text: string) => [...text].length;
    expect(breakAtSpaces('미디어 및 애널리스트 14명', 9, widthOf)).toBe('미디어 및\n애널리스트\n14명');
    expect(breakAtSpaces('미디어 및 애널리스트 14명', 100, widthOf)).toBe('미디어 및 애널리스트 14명');
    // a word longer than the line stays whole; an existing newline stays
    expect(breakAtSpaces('가 나다라마바사아 자\n차 카', 4, widthOf)).toBe('가\n나다라마바사아\n자\n차 카');
  });
});
