// The observed-pilot format: what a real (or simulated) branch pilot saw, per branch × arm and
// optionally per week. One JSON shape (zod, with a generated JSON Schema) and one CSV shape whose
// header may be written in English or in Chinese (templates in docs/templates/).
import { z } from 'zod';

export const OBSERVED_KIND = 'sandtable.observed-pilot';
export const OBSERVED_VERSION = 1;

export type Arm = 'treatment' | 'control';

/** A row's branch: a branch id (B01…) or `*` for the whole arm (totals of figures kept only per arm). */
export const ALL_BRANCHES = '*';

/** The figures of one row; counts are customers, money is CNY. Optional figures are null when blank. */
export type ObservedFigures = {
  targeted: number;
  reached: number | null;
  responded: number | null;
  buyers: number;
  netNewMoneyCny: number;
  /** Σ (net new money per customer)², CNY² — lets the customer-level SD be read. */
  netNewMoneySq: number | null;
  productsGained: number | null;
  activeAppUsers: number | null;
};

export type ObservedRow = ObservedFigures & {
  branch: string;
  arm: Arm;
  /** Week of the pilot (1-based) when the file is per week; null when rows cover the whole pilot. */
  week: number | null;
  /** Where the row is: the CSV line, or the JSON path `rows[i]`. */
  at: RowPlace;
};

export type RowPlace = { line: number } | { path: string };

export type ObservedPilot = {
  strategy: string;
  startDate: string;
  weeks: number;
  rows: ObservedRow[];
};

export type FigureKey = keyof ObservedFigures;

type ColumnKind = 'text' | 'date' | 'whole' | 'arm' | 'count' | 'money' | 'nonNegative';

/** Every column: its key, English and Chinese header, kind, and whether it may be left out or blank. */
export const OBSERVED_COLUMNS: ReadonlyArray<{
  key: keyof ObservedPilot | keyof ObservedRow;
  en: string;
  zh: string;
  kind: ColumnKind;
  isRequired: boolean;
}> = [
  { key: 'strategy', en: 'strategy', zh: '策略', kind: 'text', isRequired: true },
  { key: 'startDate', en: 'start_date', zh: '开始日期', kind: 'date', isRequired: true },
  { key: 'weeks', en: 'weeks', zh: '周数', kind: 'whole', isRequired: true },
  { key: 'branch', en: 'branch', zh: '网点', kind: 'text', isRequired: true },
  { key: 'arm', en: 'arm', zh: '组别', kind: 'arm', isRequired: true },
  { key: 'week', en: 'week', zh: '周', kind: 'whole', isRequired: false },
  { key: 'targeted', en: 'targeted', zh: '目标客户数', kind: 'count', isRequired: true },
  { key: 'reached', en: 'reached', zh: '触达客户数', kind: 'count', isRequired: false },
  { key: 'responded', en: 'responded', zh: '响应客户数', kind: 'count', isRequired: false },
  { key: 'buyers', en: 'buyers', zh: '购买客户数', kind: 'count', isRequired: true },
  { key: 'netNewMoneyCny', en: 'net_new_money_cny', zh: '净新增资金_元', kind: 'money', isRequired: true },
  {
    key: 'netNewMoneySq',
    en: 'net_new_money_sq',
    zh: '净新增资金平方和',
    kind: 'nonNegative',
    isRequired: false,
  },
  { key: 'productsGained', en: 'products_gained', zh: '新增产品数', kind: 'count', isRequired: false },
  { key: 'activeAppUsers', en: 'active_app_users', zh: '活跃App用户数', kind: 'count', isRequired: false },
];

/** Arm words a file may use (English, Chinese). */
export const ARM_WORDS: Record<string, Arm> = {
  treatment: 'treatment',
  pilot: 'treatment',
  control: 'control',
  holdout: 'control',
  试点组: 'treatment',
  试点: 'treatment',
  实验组: 'treatment',
  对照组: 'control',
  对照: 'control',
};

/** Figures that may be blank in a row (null), as opposed to the required ones. */
export const OPTIONAL_FIGURES: readonly FigureKey[] = [
  'reached',
  'responded',
  'netNewMoneySq',
  'productsGained',
  'activeAppUsers',
];

const count = z.number().int().min(0);
const optionalCount = count.nullable().optional();

/** The JSON form of an observed pilot (docs/observed-pilot.md; JSON Schema in docs/observed-pilot.schema.json). */
export const ObservedPilotSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal(OBSERVED_KIND),
  version: z.literal(OBSERVED_VERSION),
  strategy: z.string().min(1).describe('Id of the scenario strategy the pilot ran.'),
  startDate: z.iso.date().describe('ISO date of the pilot’s first day.'),
  weeks: z.number().int().min(1).max(104).describe('Length of the pilot in weeks.'),
  rows: z
    .array(
      z.strictObject({
        branch: z.string().min(1).describe('Branch id (B01, B02, …) or "*" for totals of the whole arm.'),
        arm: z.enum(['treatment', 'control']),
        week: z.number().int().min(1).max(104).nullable().optional(),
        targeted: count.describe('Customers targeted (assigned to the arm).'),
        reached: optionalCount.describe('Customers reached by at least one contact.'),
        responded: optionalCount.describe('Customers who responded (interested).'),
        buyers: count.describe('Customers who bought the offer by any route after the start.'),
        netNewMoneyCny: z.number().describe('Net new money, CNY, summed over the row’s customers.'),
        netNewMoneySq: z
          .number()
          .min(0)
          .nullable()
          .optional()
          .describe('Sum over customers of (net new money)², CNY².'),
        productsGained: optionalCount.describe('Products newly held by the end, summed over customers.'),
        activeAppUsers: optionalCount.describe('Customers active in the app (MAU) at the end.'),
      }),
    )
    .min(1),
});

/** The JSON Schema of the JSON form (docs/observed-pilot.schema.json is this text). */
export function observedJsonSchema(): string {
  const schema = z.toJSONSchema(ObservedPilotSchema, { target: 'draft-2020-12', io: 'input' });
  return `${JSON.stringify({ title: 'Sandtable observed pilot', ...schema }, null, 2)}\n`;
}
