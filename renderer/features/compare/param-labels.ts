// Human labels for the parameter picker and the value controls, through i18n.
import type { TFunction } from 'i18next';
import type { ParamValue } from '../../../sim/index';
import { type ChoiceGroup, type ParamChoice, type ValueOption, valueOptions } from './param-choices';

export function groupLabel(t: TFunction, g: ChoiceGroup): string {
  return t(`compare.group.${g.kind}`, { name: g.name ?? '' });
}

export function fieldLabel(t: TFunction, c: ParamChoice): string {
  return c.field === null ? c.path : t(`compare.field.${c.field}`, { step: c.step ?? '' });
}

export function optionLabel(t: TFunction, o: ValueOption): string {
  if (o.key) return t(`compare.${o.key}`);
  return o.name && o.name !== o.value ? `${o.name} (${o.value})` : o.value;
}

/** A value as the user knows it: a channel's or step's label rather than its id. */
export function showValue(t: TFunction, doc: unknown, path: string, value: ParamValue | undefined): string {
  if (value === undefined) return t('compare.unset');
  if (typeof value === 'boolean') return t(value ? 'compare.yes' : 'compare.no');
  const o = valueOptions(doc, path)?.find((x) => x.value === String(value));
  if (!o) return String(value);
  if (o.key) return t(`compare.${o.key}`);
  return o.name && o.name !== o.value ? `${o.value} · ${o.name}` : o.value;
}
