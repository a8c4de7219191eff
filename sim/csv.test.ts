import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
    ['+SUM(A1)', `"'+SUM(A1)"`],
    ['-2+3+cmd|x', `"'-2+3+cmd|x"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\r=1', `"'\r=1"`],
  ])('defuses a formula-looking text cell %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
    expect(csvCell(input)[0]).toBe('"');
    expect(csvCell(input)[1]).toBe("'");
  });

  it('keeps numbers, negative ones included, and numeric text as data', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(-1e-7)).toBe('-1e-7');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+1.5e3')).toBe('+1.5e3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('quotes separators, quotes and line breaks; leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('全渠道 fund')).toBe('全渠道 fund');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes rows with the chosen newline and an optional byte-order mark', () => {
    expect(
      toCsv(
        [
          ['a', 1],
          ['=x', -2],
        ],
        { hasBom: true },
      ),
    ).toBe(`\uFEFFa,1\r\n"'=x",-2\r\n`);
    expect(toCsv([['a', 1]], { newline: '\n' })).toBe('a,1\n');
  });
});
