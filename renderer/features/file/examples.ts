// The example scenarios shipped in scenarios/: the default one is bundled as text; the others are
// listed by name and loaded on demand.
import defaultText from '../../../scenarios/omnichannel-referral-pilot.json?raw';
import type { LocalText } from '../../../sim/index';

type Meta = { name?: LocalText; description?: LocalText };

const DEFAULT_KEY = '../../../scenarios/omnichannel-referral-pilot.json';

const metas = import.meta.glob<Meta>(
  ['../../../scenarios/*.json', '!../../../scenarios/scenario.schema.json'],
  {
    import: 'meta',
    eager: true,
  },
);
// The default example is already bundled as text; the others load when picked.
const texts: Record<string, () => Promise<string>> = {
  ...import.meta.glob<string>(
    [
      '../../../scenarios/*.json',
      '!../../../scenarios/scenario.schema.json',
      '!../../../scenarios/omnichannel-referral-pilot.json',
    ],
    { query: '?raw', import: 'default' },
  ),
  [DEFAULT_KEY]: () => Promise.resolve(defaultText),
};

export type Example = { file: string; name: LocalText; description: LocalText; load(): Promise<string> };

const fileOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);

export const DEFAULT_EXAMPLE = { file: 'omnichannel-referral-pilot.json', text: defaultText };

export const EXAMPLES: Example[] = Object.keys(texts)
  .sort()
  .map((key) => ({
    file: fileOf(key),
    name: metas[key]?.name ?? fileOf(key),
    description: metas[key]?.description ?? '',
    load: texts[key],
  }));
