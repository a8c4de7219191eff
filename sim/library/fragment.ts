// A use-case fragment (scenarios/library/*.json): one strategy with its journey, offer, incentive,
// trigger and target rules, the products, incentives and channels it needs, the assumptions it
// leans on and the seed figure it is calibrated to; texts in zh-CN and English.
import { z } from 'zod';
import { validateScenario } from '../scenario';
import { blankScenario } from '../scenario/blank';
import { fromZodIssues, type ScenarioIssue } from '../scenario/issues';
import { RequiredLocalTextSchema } from '../scenario/local-text';
import { ChannelSchema, IncentiveSchema, ProductSchema, StrategySchema } from '../scenario/schema';
import { insertFragment } from './insert';

export const FRAGMENT_KIND = 'sandtable.fragment';
export const FRAGMENT_VERSION = 1;

export const FragmentSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal(FRAGMENT_KIND),
  version: z.literal(FRAGMENT_VERSION),
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'an id in lower_snake_case' }),
  name: RequiredLocalTextSchema,
  description: RequiredLocalTextSchema,
  segment: RequiredLocalTextSchema.describe('Who the use case targets, in words.'),
  seedFigure: z
    .strictObject({ text: RequiredLocalTextSchema, source: z.string().min(1) })
    .describe('The public figure the use case is calibrated to, and where it comes from.'),
  assumptions: z
    .array(z.strictObject({ text: RequiredLocalTextSchema, source: z.string().optional() }))
    .min(1),
  strategy: StrategySchema,
  products: z.array(ProductSchema).min(1),
  incentives: z.array(IncentiveSchema).default([]),
  channels: z.array(ChannelSchema).min(1),
});

export type Fragment = z.output<typeof FragmentSchema>;

export type FragmentResult = { ok: true; fragment: Fragment } | { ok: false; issues: ScenarioIssue[] };

/** A path of the assembled scenario as a path of the fragment file (`strategies[0].x` → `strategy.x`). */
function fragmentPath(path: string): string {
  if (path === 'strategies[0]' || path.startsWith('strategies[0].'))
    return `strategy${path.slice('strategies[0]'.length)}`;
  if (path.startsWith('meta.assumptions')) return path.slice('meta.'.length);
  return path;
}

/**
 * Check a parsed fragment file: its own shape, then that it makes a valid scenario when inserted
 * into a blank one (every channel, product and incentive it refers to is defined in the fragment;
 * its target rules use the default tiers, life stages and occupations). Issues name the fragment's
 * own paths.
 */
export function validateFragment(doc: unknown): FragmentResult {
  const parsed = FragmentSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(FragmentSchema, parsed.error.issues, doc) };
  const blank = blankScenario();
  // Without the starter strategy, so every reference must come from the fragment itself.
  const bare = { ...blank, products: [], channels: [], strategies: [] };
  const inserted = insertFragment(bare, parsed.data);
  const result = validateScenario(inserted.doc);
  if (!result.ok) {
    // Back to the fragment's own paths: the bare scenario's lists hold only what the fragment brought.
    const errors = result.issues.filter((i) => i.severity === 'error');
    return { ok: false, issues: errors.map((i) => ({ ...i, path: fragmentPath(i.path) })) };
  }
  return { ok: true, fragment: parsed.data };
}
