// The journey canvas as an editor, with real mouse drags: connect an outcome to a step, delete an
// edge, add a step in a lane; the raw JSON shows each change. Waits on data-testid markers (and
// React Flow's connection line), never on sleeps.
import { expect, type Locator, type Page, test } from '@playwright/test';

const SHOTS = 'test-results/screenshots';

type Step = { id: string; [outcome: string]: unknown };
type Journey = { start: string; steps: Step[] };

/** The segment size above the canvas comes from a worker and moves the canvas down when it lands. */
async function settled(page: Page) {
  await expect(page.getByTestId('journey-node-push')).toBeVisible();
  await expect(page.getByTestId('segment-matched-0')).toBeVisible();
  await expect(page.getByTestId('segment-updating-0')).toHaveCount(0);
  await page.getByTestId('journey-canvas').scrollIntoViewIfNeeded();
}

async function openStrategies(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('nav-strategies').click();
  await expect(page.getByTestId('screen-strategies')).toBeVisible();
  await showWholeJourney(page);
}

/** The canvas opens at a readable zoom from the start; these gestures need the whole journey. */
async function showWholeJourney(page: Page) {
  await settled(page);
  await expect(page.getByTestId('journey-canvas')).toHaveAttribute('data-view', 'shown');
  await page.getByRole('button', { name: 'Show the whole journey' }).click();
  await settled(page);
}

async function centre(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Press on `from`, start a connection, then release on `to` (measured once the drag is under way). */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await centre(from);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + 12, a.y + 6, { steps: 3 });
  await expect(page.locator('.react-flow__connectionline')).toBeVisible();
  const b = await centre(to);
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__connectionline')).toHaveCount(0);
}

/** The first strategy's journey as the raw JSON screen shows it; back to the canvas after. */
async function journeyJson(page: Page): Promise<Journey> {
  await page.getByTestId('nav-json').click();
  const text = await page.getByTestId('raw-json').inputValue();
  await page.getByTestId('nav-strategies').click();
  await showWholeJourney(page);
  return JSON.parse(text).strategies[0].journey;
}

const step = (j: Journey, id: string) => j.steps.find((s) => s.id === id);

test('the journey canvas edits the scenario: connect, delete an edge, add a step', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await openStrategies(page);

  // Each outcome has its own labelled handle.
  await expect(page.getByTestId('journey-handle-nurture-onNoContact')).toHaveAttribute(
    'aria-label',
    'Step nurture: If not reached → go to End',
  );

  // 1. Drag nurture's "no contact" onto the push step: a return to the start.
  await drag(
    page,
    page.getByTestId('journey-handle-nurture-onNoContact'),
    page.getByTestId('journey-node-push'),
  );
  await expect(page.getByTestId('step-editor')).toContainText('“nurture”');
  await expect(page.getByTestId('field-strategies[0].journey.steps[5].onNoContact')).toHaveValue('push');
  let j = await journeyJson(page);
  expect(step(j, 'nurture')?.onNoContact).toBe('push');
  await expect(page.getByTestId('issues-summary')).toHaveText('✓ The scenario is valid');

  // A referral cannot go to End (that is "close at this step"): the drop is refused.
  await drag(page, page.getByTestId('journey-handle-wm-onInterested'), page.getByTestId('journey-node-end'));
  j = await journeyJson(page);
  expect(step(j, 'wm')).not.toHaveProperty('onInterested');

  // 2. Select agent's referral to wm by its label and press Delete: agent now closes.
  await page.getByTestId('rf__edge-agent:onInterested').locator('.react-flow__edge-textwrapper').click();
  await expect(page.getByTestId('journey-edge-delete-agent-onInterested')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('journey-edge-delete-agent-onInterested')).toHaveCount(0);
  await expect(page.getByTestId('rf__edge-agent:onInterested')).toHaveCount(0);
  j = await journeyJson(page);
  expect(step(j, 'agent')).not.toHaveProperty('onInterested');
  expect(step(j, 'agent')?.onNoContact).toBe('nurture');

  // 3. Add a step in the offline lane on the wealth-manager channel; it is selected in the form.
  await page.getByTestId('journey-add-offline').click();
  await page.getByTestId('journey-add-offline-wealth_manager').click();
  await expect(page.getByTestId('journey-node-wealth_manager')).toBeVisible();
  await expect(page.getByTestId('step-editor')).toContainText('“wealth_manager”');
  // The canvas brings the new step into view with a short pan (200 ms): wait until the step stays
  // put between two polls (≥ 100 ms apart), then show the whole journey again (instant).
  let previous = '';
  await expect
    .poll(async () => {
      const box = JSON.stringify(await page.getByTestId('journey-node-wealth_manager').boundingBox());
      const isAtRest = box === previous;
      previous = box;
      return isAtRest;
    })
    .toBe(true);
  await showWholeJourney(page);
  // …and refer agent's interested customers to it, then reset that with the edge's ×.
  await drag(
    page,
    page.getByTestId('journey-handle-agent-onInterested'),
    page.getByTestId('journey-node-wealth_manager'),
  );
  j = await journeyJson(page);
  expect(step(j, 'wealth_manager')).toEqual({ id: 'wealth_manager', channel: 'wealth_manager', waitDays: 1 });
  expect(step(j, 'agent')?.onInterested).toBe('wealth_manager');
  await page.getByTestId('journey-canvas').screenshot({ path: `${SHOTS}/12-journey-edited.png` });
  await page.getByTestId('rf__edge-agent:onInterested').locator('.react-flow__edge-textwrapper').click();
  await page.getByTestId('journey-edge-delete-agent-onInterested').click();
  await expect(page.getByTestId('rf__edge-agent:onInterested')).toHaveCount(0);
  j = await journeyJson(page);
  expect(step(j, 'agent')).not.toHaveProperty('onInterested');

  // Delete the selected step from the canvas toolbar.
  await page.getByTestId('journey-node-wealth_manager').click();
  await page.getByTestId('journey-delete-step').click();
  await expect(page.getByTestId('journey-node-wealth_manager')).toHaveCount(0);
  j = await journeyJson(page);
  expect(j.steps.map((s) => s.id)).toEqual(['push', 'sms', 'ai', 'agent', 'wm', 'nurture']);

  // Undo brings the deleted step back; redo (Ctrl+Y, focus outside any text field) deletes it again.
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('journey-node-wealth_manager')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('journey-node-wealth_manager')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('journey-node-wealth_manager')).toBeVisible();
  expect(errors).toEqual([]);
});
