// @vitest-environment jsdom
// The canvas in jsdom: handles, the lane toolbar, and deleting a selected edge. jsdom has no layout,
// so React Flow gets the stubs its testing guide asks for (a ResizeObserver that reports,
// DOMMatrixReadOnly, element sizes, SVG text boxes). A handle drag cannot be simulated here (React Flow finds the
// drop target with document.elementFromPoint, which jsdom lacks): onConnect is covered through the
// pure setOutcome/canConnect tests and by the Playwright drag flow.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppStoreApi } from '../../state/store';
import { renderWithStore, setupStore } from '../../test/render';
import { JourneyCanvas } from './JourneyCanvas';
import { StepEditor } from './StepEditor';

const restore: Array<() => void> = [];

beforeAll(() => {
  class ResizeObserverStub {
    constructor(private readonly cb: ResizeObserverCallback) {}
    // Reported on the next task, once React Flow's parents have mounted and registered the pane.
    observe(target: Element) {
      setTimeout(() => this.cb([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver));
    }
    unobserve() {}
    disconnect() {}
  }
  class DOMMatrixStub {
    m22 = 1;
  }
  const g = globalThis as Record<string, unknown>;
  const saved = { ResizeObserver: g.ResizeObserver, DOMMatrixReadOnly: g.DOMMatrixReadOnly };
  g.ResizeObserver = ResizeObserverStub;
  g.DOMMatrixReadOnly = DOMMatrixStub;
  restore.push(() => Object.assign(g, saved));
  // Edge labels measure their text.
  const proto = SVGElement.prototype as unknown as { getBBox?: () => DOMRect };
  const bbox = proto.getBBox;
  proto.getBBox = () => ({ x: 0, y: 0, width: 40, height: 12 }) as DOMRect;
  restore.push(() => {
    proto.getBBox = bbox;
  });
  for (const [prop, size] of [
    ['offsetWidth', 200],
    ['offsetHeight', 70],
  ] as const) {
    const before = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => size });
    restore.push(() => before && Object.defineProperty(HTMLElement.prototype, prop, before));
  }
});
afterAll(() => {
  for (const r of restore.reverse()) r();
});
afterEach(cleanup);

function Harness({ initialStep = 0 }: { initialStep?: number }) {
  const [step, setStep] = useState(initialStep);
  return (
    <>
      <JourneyCanvas strategyIndex={0} selectedStep={step} onSelectStep={setStep} />
      <StepEditor strategyIndex={0} stepIndex={step} onSelectStep={setStep} />
    </>
  );
}

type Step = Record<string, unknown>;
const stepsIn = (store: AppStoreApi) =>
  (store.getState().doc as { strategies: Array<{ journey: { start: string; steps: Step[] } }> }).strategies[0]
    .journey;

describe('the journey canvas as an editor', () => {
  it('gives every step one labelled handle per outcome, and an input', async () => {
    const store = await setupStore();
    renderWithStore(store, <Harness />);
    const handle = await screen.findByTestId('journey-handle-push-onNoContact');
    expect(handle.getAttribute('aria-label')).toBe('Step push: If not reached → go to sms');
    expect(handle.getAttribute('data-handleid')).toBe('onNoContact');
    expect(screen.getByTestId('journey-handle-wm-onInterested').getAttribute('aria-label')).toBe(
      'Step wm: If interested → refer to (转介) — close at this step —',
    );
    expect(screen.getByTestId('journey-handle-push-in').getAttribute('aria-label')).toBe('Into step push');
    for (const key of ['onInterested', 'onNotConverted', 'onNotInterested', 'onNoContact'])
      expect(screen.getByTestId(`journey-handle-ai-${key}`).classList).toContain('source');
    expect(screen.getByTestId('journey-node-push').closest('[aria-label]')?.getAttribute('aria-label')).toBe(
      'push: App push',
    );
  });

  it('adds a step in a lane on one of its channels and selects it in the form', async () => {
    const store = await setupStore();
    renderWithStore(store, <Harness />);
    fireEvent.click(await screen.findByTestId('journey-add-offline'));
    fireEvent.click(screen.getByTestId('journey-add-offline-wealth_manager'));
    const journey = stepsIn(store);
    expect(journey.steps.at(-1)).toEqual({ id: 'wealth_manager', channel: 'wealth_manager', waitDays: 1 });
    expect(screen.getByTestId('step-editor').textContent).toContain('“wealth_manager”');
    // In the offline lane (the wealth manager's wheel).
    expect((await screen.findByTestId('journey-node-wealth_manager')).className).toContain('jnode--offline');
    expect(store.getState().isDirty).toBe(true);
  });

  it('adds a step when a channel from the palette is dropped on the canvas', async () => {
    const store = await setupStore();
    renderWithStore(store, <Harness />);
    const chip = await screen.findByTestId('journey-palette-wecom');
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (k: string, v: string) => data.set(k, v),
      getData: (k: string) => data.get(k) ?? '',
      get types() {
        return [...data.keys()];
      },
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    fireEvent.dragStart(chip, { dataTransfer });
    const canvas = screen.getByRole('region', { name: 'Journey' });
    fireEvent.dragOver(canvas, { dataTransfer });
    expect(canvas.className).toContain('journey__canvas--drop');
    fireEvent.drop(canvas, { dataTransfer });
    expect(stepsIn(store).steps.at(-1)).toEqual({ id: 'wecom', channel: 'wecom', waitDays: 1 });
    expect(canvas.className).not.toContain('journey__canvas--drop');
    // A drag that carries no channel (a file, text) adds nothing.
    const before = stepsIn(store).steps.length;
    fireEvent.drop(canvas, { dataTransfer: { getData: () => '', types: ['Files'] } });
    expect(stepsIn(store).steps).toHaveLength(before);
  });

  it('deleting a step lists every route into it and lets the user pick where each goes', async () => {
    const store = await setupStore();
    renderWithStore(store, <Harness initialStep={2} />);
    fireEvent.click(await screen.findByTestId('journey-delete-step'));
    // Nothing changes until the user confirms.
    expect(stepsIn(store).steps.map((s) => s.id)).toContain('ai');
    const routes = within(screen.getByTestId('step-delete-routes')).getAllByRole('combobox');
    expect(routes.map((r) => r.getAttribute('data-testid'))).toEqual([
      'step-delete-route-push-onNotConverted',
      'step-delete-route-push-onNotInterested',
      'step-delete-route-sms-onNotConverted',
      'step-delete-route-sms-onNotInterested',
      'step-delete-route-sms-onNoContact',
    ]);
    // By default a route skips the step: it goes where ai sends customers it cannot reach (End).
    expect(routes.map((r) => (r as HTMLSelectElement).value)).toEqual(['end', 'end', 'end', 'end', 'end']);
    fireEvent.change(screen.getByTestId('step-delete-route-sms-onNoContact'), { target: { value: 'agent' } });
    fireEvent.click(screen.getByTestId('step-delete-confirm'));
    const journey = stepsIn(store);
    expect(journey.steps.map((s) => s.id)).toEqual(['push', 'sms', 'agent', 'wm', 'nurture']);
    expect(journey.steps[0]).toMatchObject({ onNotInterested: 'end', onNotConverted: 'end' });
    expect(journey.steps[1]).toMatchObject({ onNoContact: 'agent', onNotInterested: 'end' });
    expect(journey.start).toBe('push');
    expect(screen.queryByTestId('step-delete-dialog')).toBeNull();
  });

  it('deletes a step nothing leads to at once', async () => {
    const store = await setupStore();
    renderWithStore(store, <Harness initialStep={0} />);
    fireEvent.click(await screen.findByTestId('journey-delete-step'));
    expect(screen.queryByTestId('step-delete-dialog')).toBeNull();
    expect(stepsIn(store).steps.map((s) => s.id)).toEqual(['sms', 'ai', 'agent', 'wm', 'nurture']);
    expect(stepsIn(store).start).toBe('sms');
  });

  it('selects an edge from the keyboard and resets its outcome with its ×', async () => {
    const store = await setupStore();
    renderWithStore(store, <Harness />);
    const edge = await waitFor(() => {
      const e = document.querySelector<SVGGElement>('[data-testid="rf__edge-agent:onInterested"]');
      if (!e) throw new Error('edge not rendered yet');
      return e;
    });
    expect(edge.getAttribute('aria-label')).toBe('agent → wm: referral');
    // Edges left at their default (to End) cannot be selected: there is nothing to delete.
    expect(
      document.querySelector('[data-testid="rf__edge-ai:onNoContact"]')?.getAttribute('tabindex'),
    ).toBeNull();
    act(() => edge.focus());
    fireEvent.keyDown(edge, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('journey-edge-delete-agent-onInterested'));
    await waitFor(() => expect(stepsIn(store).steps[3]).not.toHaveProperty('onInterested'));
    expect(stepsIn(store).steps[3]).toMatchObject({ onNoContact: 'nurture', onNotConverted: 'nurture' });
  });
});
