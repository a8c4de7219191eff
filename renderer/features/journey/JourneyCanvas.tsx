import '@xyflow/react/dist/style.css';
import './journey.css';
import {
  Background,
  Controls,
  type EdgeChange,
  type FitViewOptions,
  type Node,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getIn } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { useAppState, useDocValue } from '../../state/hooks';
import { JourneyLegend } from './JourneyLegend';
import { JourneyToolbar } from './JourneyToolbar';
import { layoutJourney } from './journey-layout';
import { OutcomeEdge, type OutcomeEdgeType } from './OutcomeEdge';
import { EndNode, LaneNode, StepNode } from './StepNode';
import { useJourneyEditing } from './useJourneyEditing';
import { useJourneyGraph } from './useJourneyGraph';
import { useStepDeletion } from './useStepDeletion';

const nodeTypes = { step: StepNode, lane: LaneNode, end: EndNode };
const edgeTypes = { outcome: OutcomeEdge };
const DELETE_KEYS = ['Delete', 'Backspace'];
const FIT: FitViewOptions = { padding: 0.08 };

export type JourneyCanvasProps = {
  strategyIndex: number;
  selectedStep: number;
  onSelectStep(index: number): void;
};

/** The journey of one strategy across the three channel wheels, editable: connect, delete, add. */
export function JourneyCanvas({ strategyIndex, selectedStep, onSelectStep }: JourneyCanvasProps) {
  const { t } = useTranslation();
  const strategy = useAppState((s) => getIn(s.doc, `strategies[${strategyIndex}]`));
  const channels = useDocValue('channels');
  const issues = useAppState((s) => s.issues);
  const messages = useMessages();
  const layout = useMemo(
    () =>
      layoutJourney(
        strategy,
        channels,
        issues.map((i) => ({ path: i.path, message: messages.issue(i) })),
        strategyIndex,
      ),
    [strategy, channels, issues, strategyIndex, messages],
  );
  // The selected edge is canvas-only state (the form has no notion of it), kept per strategy.
  const [picked, setPicked] = useState<{ strategy: number; id: string } | null>(null);
  const selectedEdge = picked?.strategy === strategyIndex ? picked.id : null;
  const { nodes, edges } = useJourneyGraph(layout, selectedStep, selectedEdge);
  const edit = useJourneyEditing(strategyIndex, onSelectStep);
  const deletion = useStepDeletion(strategyIndex, onSelectStep);
  const wrapper = useRef<HTMLDivElement>(null);

  // React Flow listens for Delete/Backspace on the whole document: drop the edge selection as soon
  // as the user works elsewhere (or presses Escape), so a key pressed there cannot reset an outcome.
  useEffect(() => {
    if (selectedEdge === null) return;
    const away = (e: Event) => {
      if (!wrapper.current?.contains(e.target as globalThis.Node)) setPicked(null);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setPicked(null);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
      document.removeEventListener('keydown', esc);
    };
  }, [selectedEdge]);

  const onEdgesChange = (changes: EdgeChange<OutcomeEdgeType>[]) => {
    const chosen = changes.filter((c) => c.type === 'select' && c.selected).at(-1);
    if (chosen && chosen.type === 'select') setPicked({ strategy: strategyIndex, id: chosen.id });
    else if (changes.some((c) => c.type === 'select' && c.id === selectedEdge)) setPicked(null);
  };
  // Enter or Space on a focused step selects it; React Flow reports that as a selection change.
  const onNodesChange = (changes: NodeChange[]) => {
    for (const c of changes) {
      const step = c.type === 'select' && c.selected ? layout.steps.find((s) => s.id === c.id) : undefined;
      if (step) onSelectStep(step.index);
    }
  };
  const errors = [
    ...layout.startErrors.map((m) => ({ id: 'journey-start-error', label: t('journey.startError'), m })),
    ...layout.journeyErrors.map((m) => ({ id: 'journey-error', label: t('journey.journeyError'), m })),
  ];
  return (
    <div className="journey" data-testid="journey-canvas">
      {errors.map((e) => (
        <p key={`${e.id}${e.m}`} className="notice notice--error" role="alert" data-testid={e.id}>
          {e.label}: {e.m}
        </p>
      ))}
      <JourneyToolbar
        selectedId={layout.steps[selectedStep]?.id ?? null}
        stepCount={layout.steps.length}
        onAdd={edit.addStepOn}
        onRemove={() => deletion.request(selectedStep)}
      />
      <div className="journey__canvas" ref={wrapper}>
        <ReactFlow<Node, OutcomeEdgeType>
          key={strategyIndex}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView
          fitViewOptions={FIT}
          minZoom={0.25}
          nodesDraggable={false}
          nodesConnectable
          elementsSelectable
          connectionRadius={28}
          deleteKeyCode={DELETE_KEYS}
          isValidConnection={edit.isValidConnection}
          onConnect={edit.onConnect}
          onReconnect={edit.onReconnect}
          onEdgesDelete={(deleted) => {
            edit.onEdgesDelete(deleted);
            setPicked(null);
          }}
          onEdgesChange={onEdgesChange}
          onNodesChange={onNodesChange}
          onNodeClick={(_, n) => {
            if (n.type === 'step') onSelectStep((n.data as { index: number }).index);
          }}
          onPaneClick={() => setPicked(null)}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
          <FitOnStepCount count={layout.steps.length} />
        </ReactFlow>
      </div>
      <JourneyLegend />
      {deletion.dialog}
    </div>
  );
}

/** Steps added or removed: fit again, so a new step (placed after the others) is in view. */
function FitOnStepCount({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  const last = useRef(count);
  useEffect(() => {
    if (last.current === count) return;
    last.current = count;
    void fitView({ ...FIT, duration: 200 });
  }, [count, fitView]);
  return null;
}
