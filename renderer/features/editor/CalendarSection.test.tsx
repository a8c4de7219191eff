// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { renderWithStore, setupStore } from '../../test/render';
import { CalendarSection } from './CalendarSection';
import { IssuesPanel } from './IssuesPanel';
import { useValidation } from './useValidation';

function Harness() {
  useValidation(10);
  return <CalendarSection />;
}

afterEach(cleanup);

describe('inline validation in the editor', () => {
  it('shows a bad value at its field, and clears it when fixed', async () => {
    const store = await setupStore();
    renderWithStore(store, <Harness />);
    const reps = screen.getByTestId('field-monteCarlo.replications') as HTMLInputElement;
    expect(reps.value).toBe('400');

    fireEvent.change(reps, { target: { value: '0' } });
    const error = await screen.findByTestId('field-monteCarlo.replications-error');
    expect(error.textContent).toContain('0; expected a number at least 1');
    expect(reps.getAttribute('aria-invalid')).toBe('true');
    // Only that field is marked; the scenario is now invalid.
    expect(screen.queryByTestId('field-calendar.weeks-error')).toBeNull();
    expect(store.getState().scenario).toBeNull();

    fireEvent.change(reps, { target: { value: '25' } });
    await waitFor(() => expect(screen.queryByTestId('field-monteCarlo.replications-error')).toBeNull());
    expect(store.getState().scenario?.monteCarlo.replications).toBe(25);
    expect(store.getState().isDirty).toBe(true);
  });

  it('explains text that is not a number and a date in the wrong format', async () => {
    const store = await setupStore();
    renderWithStore(store, <Harness />);
    fireEvent.change(screen.getByTestId('field-calendar.weeks'), { target: { value: 'twelve' } });
    fireEvent.change(screen.getByTestId('field-calendar.startDate'), { target: { value: '2026/11/02' } });
    expect((await screen.findByTestId('field-calendar.weeks-error')).textContent).toMatch(
      /"twelve"; expected (a )?number/,
    );
    expect((await screen.findByTestId('field-calendar.startDate-error')).textContent).toMatch(/ISO date/);
  });

  it('words a type error in the studio language (zh-CN), at the field and in the issues panel', async () => {
    const store = await setupStore();
    await act(() => setLanguage('zh-CN'));
    try {
      renderWithStore(
        store,
        <>
          <Harness />
          <IssuesPanel />
        </>,
      );
      fireEvent.change(screen.getByTestId('field-calendar.weeks'), { target: { value: 'twelve' } });
      const error = await screen.findByTestId('field-calendar.weeks-error');
      expect(error.textContent).toBe('"twelve"；应为数字');
      const item = await screen.findByTestId('issue-item');
      expect(item.textContent).toContain('calendar.weeks');
      expect(item.textContent).toContain('"twelve"；应为数字');
      expect(item.textContent).not.toMatch(/expected|missing/);
      // Switching language re-words the same issue.
      await act(() => setLanguage('en'));
      expect(screen.getByTestId('field-calendar.weeks-error').textContent).toBe(
        '"twelve"; expected a number',
      );
    } finally {
      await setLanguage('en');
    }
  });

  it('points to the raw JSON when the text does not parse', async () => {
    const store = await setupStore();
    store.getState().setText('{ "kind": ');
    renderWithStore(store, <Harness />);
    expect((await screen.findByTestId('forms-unavailable')).textContent).toContain(
      'The scenario text is not valid JSON, so the forms cannot show it.',
    );
    expect(store.getState().issues[0].line).toBe(1);
  });
});
