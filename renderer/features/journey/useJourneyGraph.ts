// The laid-out journey as React Flow nodes and edges: lanes, steps with their outcome handles,
// End, and one edge per outcome (only outcomes away from their default can be selected/deleted).
import { MarkerType, type Node } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { END_ID, edgeName, type JourneyLayout } from './journey-layout';
import type { OutcomeEdgeType } from './OutcomeEdge';

export function useJourneyGraph(layout: JourneyLayout, selectedStep: number, selectedEdge: string | null) {
  const { t } = useTranslation();
  const nodes = useMemo<Node[]>(() => {
    const lanes: Node[] = layout.lanes.map((l) => ({
      id: `lane-${l.wheel ?? 'unknown'}`,
      type: 'lane',
      position: { x: 0, y: l.y },
      data: {
        label: l.wheel ? t(`wheel.${l.wheel}`) : t('journey.unknownLane'),
        width: layout.width,
        height: l.height,
        wheel: l.wheel ?? 'unknown',
      },
      draggable: false,
      selectable: false,
      focusable: false,
      deletable: false,
      connectable: false,
      zIndex: -1,
    }));
    const steps: Node[] = layout.steps.map((s) => ({
      id: s.id,
      type: 'step',
      position: { x: s.x, y: s.y },
      data: { ...s, isSelected: s.index === selectedStep },
      // Selected in React Flow too, so the arrow keys move it (saved like a drag).
      selected: s.index === selectedStep,
      // Dragged by its body (handles start connections); the drop is saved in journey.layout.
      draggable: true,
      deletable: false,
      ariaLabel: `${s.id}: ${s.channelLabel}`,
    }));
    const end: Node = {
      id: END_ID,
      type: 'end',
      position: layout.end,
      data: { label: t('journey.end') },
      draggable: false,
      deletable: false,
      selectable: false,
    };
    return [...lanes, ...steps, end];
  }, [layout, selectedStep, t]);

  const edges = useMemo<OutcomeEdgeType[]>(
    () =>
      layout.edges.map((e) => {
        const kind = e.isDefault ? 'end' : e.kind;
        const outcome = t(`journey.edge.${edgeName(e, layout)}`);
        const to = e.target === END_ID ? t('journey.end') : e.target;
        const isDeletable = !e.isDefault;
        return {
          id: e.id,
          type: 'outcome',
          source: e.source,
          sourceHandle: e.key,
          target: e.target,
          targetHandle: 'in',
          // One label per path: the most important outcome, and how many more share it.
          label:
            e.isDefault || e.rank > 0 ? undefined : `${outcome}${e.shared > 1 ? ` +${e.shared - 1}` : ''}`,
          labelBgPadding: [4, 2] as [number, number],
          labelBgBorderRadius: 3,
          className: `jedge jedge--${kind}`,
          animated: kind === 'referral',
          markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
          selected: isDeletable && e.id === selectedEdge,
          selectable: isDeletable,
          deletable: isDeletable,
          focusable: isDeletable,
          reconnectable: 'target' as const,
          ariaLabel: t('journey.edgeLabel', { from: e.source, to, outcome }),
          data: {
            stepIndex: e.stepIndex,
            key: e.key,
            testId: `${e.source}-${e.key}`,
            deleteLabel: isDeletable ? t('journey.deleteEdge', { from: e.source, to, outcome }) : undefined,
          },
        };
      }),
    [layout, selectedEdge, t],
  );
  return { nodes, edges };
}
