import '@xyflow/react/dist/style.css';
import { Background, Controls, type Edge, MarkerType, type Node, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useDocValue } from '../../state/hooks';
import { getIn } from '../../state/path';
import { END_ID, layoutJourney } from './journey-layout';
import { EndNode, LaneNode, StepNode } from './StepNode';

const nodeTypes = { step: StepNode, lane: LaneNode, end: EndNode };

export type JourneyCanvasProps = {
  strategyIndex: number;
  selectedStep: number;
  onSelectStep(index: number): void;
};

/** The journey of one strategy across the three channel wheels, with referral and return paths. */
export function JourneyCanvas({ strategyIndex, selectedStep, onSelectStep }: JourneyCanvasProps) {
  const { t } = useTranslation();
  const strategy = useAppState((s) => getIn(s.doc, `strategies[${strategyIndex}]`));
  const channels = useDocValue('channels');
  const issues = useAppState((s) => s.issues);
  const layout = useMemo(
    () => layoutJourney(strategy, channels, issues, strategyIndex),
    [strategy, channels, issues, strategyIndex],
  );
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
      zIndex: -1,
    }));
    const steps: Node[] = layout.steps.map((s) => ({
      id: s.id,
      type: 'step',
      position: { x: s.x, y: s.y },
      data: { ...s, isSelected: s.index === selectedStep },
      draggable: false,
      ariaLabel: `${s.id}: ${s.channelLabel}`,
    }));
    const end: Node = {
      id: END_ID,
      type: 'end',
      position: layout.end,
      data: { label: t('journey.end') },
      draggable: false,
    };
    return [...lanes, ...steps, end];
  }, [layout, selectedStep, t]);
  const edges = useMemo<Edge[]>(
    () =>
      layout.edges.map((e) => {
        const kind = e.target === END_ID ? 'end' : e.kinds[0];
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          // One label per edge: the most important outcome, and how many more share the edge.
          label:
            e.target === END_ID
              ? undefined
              : `${t(`journey.edge.${e.kinds[0]}`)}${e.kinds.length > 1 ? ` +${e.kinds.length - 1}` : ''}`,
          labelBgPadding: [4, 2] as [number, number],
          labelBgBorderRadius: 3,
          className: `jedge jedge--${kind}`,
          animated: kind === 'referral',
          markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
          focusable: false,
        };
      }),
    [layout, t],
  );
  return (
    <div className="journey" data-testid="journey-canvas">
      {layout.startErrors.length ? (
        <p className="notice notice--error" role="alert" data-testid="journey-start-error">
          {t('journey.startError')}: {layout.startErrors.join('; ')}
        </p>
      ) : null}
      <div className="journey__canvas">
        <ReactFlow
          key={strategyIndex}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.08 }}
          minZoom={0.25}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          onNodeClick={(_, n) => {
            if (n.type === 'step') onSelectStep((n.data as { index: number }).index);
          }}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <ul className="legend" aria-label={t('journey.legend')}>
        {(['referral', 'return', 'not_interested', 'no_contact', 'end'] as const).map((k) => (
          <li key={k} className={`legend__item legend__item--${k}`}>
            <span className="legend__swatch" />
            {k === 'end' ? t('journey.end') : t(`journey.edge.${k}`)}
          </li>
        ))}
        <li className="legend__item legend__item--note">{t('journey.legendMore')}</li>
      </ul>
    </div>
  );
}
