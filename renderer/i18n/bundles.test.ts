// Every translation bundle of the studio, and the shared message catalogue, says the same things
// in English and Chinese: the same keys (plural suffixes folded: Chinese has one plural form,
// English two) and, per key, the same {{placeholders}}.
import { describe, expect, it } from 'vitest';
import { MESSAGE_BUNDLES } from '../../messages/index';
import authoringEn from './authoring.en.json';
import authoringZh from './authoring.zh-CN.json';
import calibrationEn from './calibration.en.json';
import calibrationZh from './calibration.zh-CN.json';
import en from './en.json';
import estimateEn from './estimate.en.json';
import estimateZh from './estimate.zh-CN.json';
import optimizeEn from './optimize.en.json';
import optimizeZh from './optimize.zh-CN.json';
import plannerEn from './planner.en.json';
import plannerZh from './planner.zh-CN.json';
import resultsEn from './results.en.json';
import resultsZh from './results.zh-CN.json';
import sensitivityEn from './sensitivity.en.json';
import sensitivityZh from './sensitivity.zh-CN.json';
import teachingEn from './teaching.en.json';
import teachingZh from './teaching.zh-CN.json';
import zh from './zh-CN.json';

const BUNDLES: Array<[string, object, object]> = [
  ['translation', en, zh],
  ['results', resultsEn, resultsZh],
  ['planner', plannerEn, plannerZh],
  ['authoring', authoringEn, authoringZh],
  ['teaching', teachingEn, teachingZh],
  ['calibration', calibrationEn, calibrationZh],
  ['estimate', estimateEn, estimateZh],
  ['sensitivity', sensitivityEn, sensitivityZh],
  ['optimize', optimizeEn, optimizeZh],
  ['messages', MESSAGE_BUNDLES.en, MESSAGE_BUNDLES['zh-CN']],
];

/** Every leaf of a bundle by its key path, plural suffixes folded. */
function leaves(o: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      v !== null && typeof v === 'object'
        ? Object.entries(leaves(v, `${prefix}${k}.`))
        : [[`${prefix}${k.replace(/_(one|other)$/, '')}`, String(v)]],
    ),
  );
}
const placeholders = (s: string) => [...new Set([...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]))].sort();

describe.each(BUNDLES)('the %s bundle', (_name, enBundle, zhBundle) => {
  const e = leaves(enBundle);
  const z = leaves(zhBundle);
  it('has the same keys in English and Chinese', () => {
    expect(Object.keys(z).sort()).toEqual(Object.keys(e).sort());
  });
  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(e)) expect([k, placeholders(z[k] ?? '')]).toEqual([k, placeholders(e[k])]);
  });
});
