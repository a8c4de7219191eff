import { useState } from 'react';
import { useActions, useDocValue } from '../../state/hooks';
import { incomingRoutes, removeStep } from './journey-edit';
import { StepDeleteDialog } from './StepDeleteDialog';

/**
 * Delete a step from the canvas or the step form: at once when nothing routes to it, otherwise
 * through a dialog that shows each route that changes and lets the user pick where it goes.
 */
export function useStepDeletion(strategyIndex: number, onSelectStep: (index: number) => void) {
  const { setField } = useActions();
  const path = `strategies[${strategyIndex}].journey`;
  const journey = useDocValue(path);
  const [asking, setAsking] = useState<number | null>(null);
  const request = (index: number) => {
    if (incomingRoutes(journey, index).length > 0) return setAsking(index);
    const r = removeStep(journey, index);
    if (!r) return;
    setField(path, r.journey);
    onSelectStep(r.selected);
  };
  const dialog =
    asking === null ? null : (
      <StepDeleteDialog
        strategyIndex={strategyIndex}
        stepIndex={asking}
        onDone={(selected) => {
          setAsking(null);
          if (selected !== null) onSelectStep(selected);
        }}
      />
    );
  return { request, dialog };
}
