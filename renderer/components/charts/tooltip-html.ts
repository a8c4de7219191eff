import { echarts } from './echarts-setup';

/**
 * Tooltip HTML from plain-text lines. Labels come from scenario files (branch, strategy, channel
 * names) that people share, so every line is escaped before ECharts puts it into innerHTML.
 */
export function tooltipLines(...lines: Array<string | undefined | false>): string {
  return lines
    .filter((l): l is string => typeof l === 'string' && l !== '')
    .map((l) => echarts.format.encodeHTML(l))
    .join('<br/>');
}
