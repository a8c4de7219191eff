// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import type { Variant } from '../../state/store';
import { paramChoices } from './param-choices';
import { VariantCard } from './VariantCard';
import { baseDocument, prepareVariant } from './variants';

const doc = JSON.parse(readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8'));
const base = baseDocument(doc);
const choices = paramChoices(base);
const SMS_CHANNEL = 'strategies[omni_fund].journey.steps[sms].channel';

let latest: Variant | undefined;
function Harness({ initial, isBase = false }: { initial: Variant; isBase?: boolean }) {
  const [variant, setVariant] = useState(initial);
  latest = variant;
  return (
    <VariantCard
      prepared={prepareVariant(doc, variant, base)}
      doc={base}
      choices={choices}
      letter="B"
      isBase={isBase}
      canRemove={false}
      isLocked={false}
      onChange={setVariant}
      onRemove={() => {}}
    />
  );
}

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('VariantCard', () => {
  it('changes a journey step’s channel with a select of the scenario’s channels', () => {
    render(<Harness initial={{ id: 'v2', name: 'B', overrides: [{ path: SMS_CHANNEL, value: 'sms' }] }} />);
    const picker = screen.getByTestId('override-param-v2-0');
    expect(picker.textContent).toContain('Strategy · Omni-channel fund referral');
    expect(picker.textContent).toContain('Step sms · channel');
    expect(screen.queryAllByText('current value: sms · SMS')).toHaveLength(1);
    const select = screen.getByTestId('override-value-v2-0') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect(screen.getByRole('combobox', { name: 'New value' })).toBe(select);
    expect([...select.options].map((o) => o.textContent)).toContain('WeCom 1:1 (wecom)');
    fireEvent.change(select, { target: { value: 'wecom' } });
    expect(latest?.overrides).toEqual([{ path: SMS_CHANNEL, value: 'wecom' }]);
    expect(screen.getByTestId('variant-v2').textContent).toContain('Valid');
    expect((screen.getByTestId('override-path-v2-0') as HTMLInputElement).value).toBe(SMS_CHANNEL);
  });

  it('picks a parameter by searching its label, starting from its current value', () => {
    render(<Harness initial={{ id: 'v3', name: 'C', overrides: [] }} />);
    fireEvent.click(screen.getByTestId('variant-add-change-v3'));
    const search = screen.getByTestId('override-search-v3-0');
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: 'nurture channel' } });
    const option = screen.getByTestId('param-option-strategies[omni_fund].journey.steps[nurture].channel');
    expect(option.textContent).toContain('app_push · App push');
    fireEvent.click(option);
    expect(screen.queryByTestId('override-search-v3-0')).toBeNull();
    expect(latest?.overrides).toEqual([
      { path: 'strategies[omni_fund].journey.steps[nurture].channel', value: 'app_push' },
    ]);
    fireEvent.change(screen.getByTestId('override-value-v3-0'), { target: { value: 'sms' } });
    expect(latest?.overrides[0].value).toBe('sms');
  });

  it('builds a channel-swap variant from a preset on an empty card', () => {
    render(<Harness initial={{ id: 'v4', name: 'Variant D', overrides: [] }} />);
    const presets = screen.getByTestId('variant-presets-v4');
    fireEvent.change(within(presets).getByTestId('preset-swap-step-v4'), { target: { value: 'ai' } });
    fireEvent.change(within(presets).getByTestId('preset-swap-channel-v4'), {
      target: { value: 'remote_agent' },
    });
    fireEvent.click(within(presets).getByTestId('preset-swap-v4'));
    expect(latest).toEqual({
      id: 'v4',
      name: 'ai via Remote agent call',
      overrides: [{ path: 'strategies[omni_fund].journey.steps[ai].channel', value: 'remote_agent' }],
    });
    expect(screen.queryByTestId('variant-presets-v4')).toBeNull();
  });

  it('keeps the presets folded on the base variant until asked for', () => {
    render(<Harness initial={{ id: 'v1', name: 'A', overrides: [] }} isBase />);
    expect(screen.queryByTestId('variant-presets-v1')).toBeNull();
    fireEvent.click(screen.getByTestId('variant-presets-toggle-v1'));
    fireEvent.click(screen.getByTestId('preset-holdout-5-v1'));
    expect(latest).toEqual({
      id: 'v1',
      name: 'Holdout 5% · omni_fund',
      overrides: [{ path: 'strategies[omni_fund].holdout.share', value: 0.05 }],
    });
  });

  it('shows the validation error of an unknown id at the card', () => {
    render(<Harness initial={{ id: 'v2', name: 'B', overrides: [{ path: SMS_CHANNEL, value: 'fax' }] }} />);
    const select = screen.getByTestId('override-value-v2-0') as HTMLSelectElement;
    expect(select.value).toBe('fax');
    expect(select.selectedOptions[0].textContent).toBe('fax (unknown)');
    expect(screen.getByTestId('variant-errors-v2').textContent).toContain(
      'strategies[0].journey.steps[1].channel: "fax" is not a channel',
    );
  });
});
