// Canvas gestures → journey edits through the store (one setField each), so validation, autosave
// and the raw JSON follow. The edits themselves are the pure functions of journey-edit.ts.
import type { Connection, Edge } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { useActions, useDocValue } from '../../state/hooks';
import {
  addStep,
  canConnect,
  clearPositions,
  isOutcomeKey,
  placeStep,
  resetOutcome,
  setOutcome,
  stepsOf,
  targetOfNode,
} from './journey-edit';
import type { OutcomeEdgeType } from './OutcomeEdge';

export function useJourneyEditing(strategyIndex: number, onSelectStep: (index: number) => void) {
  const { setField } = useActions();
  const path = `strategies[${strategyIndex}].journey`;
  const journey = useDocValue(path);
  const steps = stepsOf(journey);
  const stepIds = useMemo(
    () => new Set(steps.map((s) => s.id).filter((id): id is string => typeof id === 'string' && id !== '')),
    [steps],
  );
  const indexOf = (id: string) => steps.findIndex((s) => s.id === id);

  const isValidConnection = useCallback((c: Edge | Connection) => canConnect(c, stepIds), [stepIds]);

  const onConnect = (c: Connection) => {
    const i = indexOf(c.source);
    if (!canConnect(c, stepIds) || i < 0 || !isOutcomeKey(c.sourceHandle)) return;
    setField(path, setOutcome(journey, i, c.sourceHandle, targetOfNode(c.target)));
    onSelectStep(i);
  };

  /** Dragging the arrow end of an outcome edge to another step (or End) moves that outcome. */
  const onReconnect = (old: OutcomeEdgeType, c: Connection) => {
    const d = old.data;
    if (!d || !canConnect({ source: old.source, sourceHandle: d.key, target: c.target }, stepIds)) return;
    setField(path, setOutcome(journey, d.stepIndex, d.key, targetOfNode(c.target)));
    onSelectStep(d.stepIndex);
  };

  const onEdgesDelete = (edges: OutcomeEdgeType[]) => {
    let next: unknown = journey;
    for (const e of edges) if (e.data) next = resetOutcome(next, e.data.stepIndex, e.data.key);
    if (next !== journey) setField(path, next);
  };

  const addStepOn = (channel: string) => {
    const r = addStep(journey, channel);
    setField(path, r.journey);
    onSelectStep(r.index);
  };

  /** A step dropped after a drag: its position (x, and y within its lane) is saved in the journey. */
  const placeStepAt = (id: string, at: { x: number; y: number }) =>
    setField(path, placeStep(journey, id, at));
  /** Back to the automatic layout: the saved positions are dropped. */
  const autoLayout = () => setField(path, clearPositions(journey));

  return {
    steps,
    isValidConnection,
    onConnect,
    onReconnect,
    onEdgesDelete,
    addStepOn,
    placeStepAt,
    autoLayout,
  };
}
