import { describe, expect, it } from 'vitest';
import { makeFmt } from './numbers';

const en = { 'unit.seconds': '{{value}} s', 'unit.minutes': '{{m}} min {{s}} s', 'unit.cny': '¥{{value}}' };
const zh = { 'unit.seconds': '{{value}}秒', 'unit.minutes': '{{m}}分{{s}}秒', 'unit.cny': '{{value}}元' };
const translate = (words: Record<string, string>) => (key: string, opts: Record<string, unknown>) =>
  words[key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(opts[k]));

describe('makeFmt', () => {
  it('carries rounded seconds into minutes (never "1分60秒")', () => {
    const f = makeFmt('zh-CN', translate(zh));
    expect(f.seconds(119.6)).toBe('2分0秒');
    expect(f.seconds(59.7)).toBe('1分0秒');
    expect(f.seconds(61.2)).toBe('1分1秒');
    expect(f.seconds(9.94)).toBe('9.9秒');
    expect(makeFmt('en', translate(en)).seconds(179.5)).toBe('3 min 0 s');
  });

  it('writes money in 万 and 亿 in zh-CN, grouped digits in en', () => {
    const f = makeFmt('zh-CN', translate(zh));
    expect(f.cny(-1_386_760_493)).toBe('-13.9亿元');
    expect(f.cny(123_456)).toBe('12.3万元');
    expect(f.cny(856)).toBe('856元');
    expect(makeFmt('en', translate(en)).cny(1_234_567)).toBe('¥1,234,567');
  });
});
