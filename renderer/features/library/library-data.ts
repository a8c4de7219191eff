// The use-case library bundled from scenarios/library/*.json, each fragment validated once.
import { bothLanguages, type Fragment, textIn, validateFragment } from '../../../sim/index';

const files = import.meta.glob<unknown>('../../../scenarios/library/*.json', {
  eager: true,
  import: 'default',
});

/** Every valid fragment, by id (an invalid file is left out; the library tests keep that from happening). */
export const LIBRARY: Fragment[] = Object.keys(files)
  .sort()
  .flatMap((key) => {
    const r = validateFragment(files[key]);
    return r.ok ? [r.fragment] : [];
  });

type Channel = Fragment['channels'][number];

/** The channels a journey visits, in step order, without immediate repeats; keyed by the step. */
export function channelChain(f: Fragment): { stepId: string; channel: Channel }[] {
  const out: { stepId: string; channel: Channel }[] = [];
  for (const step of f.strategy.journey.steps) {
    const channel = f.channels.find((c) => c.id === step.channel);
    if (channel && out.at(-1)?.channel.id !== channel.id) out.push({ stepId: step.id, channel });
  }
  return out;
}

/** Whether every word of `query` occurs in the fragment's texts (both languages), ids or channels. */
export function matchesQuery(f: Fragment, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const texts = [f.name, f.segment, f.description, f.seedFigure.text].flatMap((t) => [
    textIn(t, 'en'),
    textIn(t, 'zh-CN'),
  ]);
  const hay = [
    f.id,
    f.seedFigure.source,
    ...texts,
    ...f.channels.map((c) => `${c.id} ${c.label === undefined ? '' : bothLanguages(c.label)}`),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}
