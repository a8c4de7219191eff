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
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getIn } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { useAppState, useDocValue } from '../../state/hooks';
import { JourneyLegend } from './JourneyLegend';
import { CHANNEL_DRAG_TYPE, JourneyPalette } from './JourneyPalette';
import { JourneyToolbar } from './JourneyToolbar';
import { layoutJourney, savedPosition } from './journey-layout';
import { OutcomeEdge, type OutcomeEdgeType } from './OutcomeEdge';
import { ReadableView } from './ReadableView';
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
  const { t, i18n } = useTranslation();
  const [isViewShown, setViewShown] = useState(false);
  const [isDropTarget, setDropTarget] = useState(false);
  const onViewShown = useCallback(() => setViewShown(true), []);
  const ariaLabels = useMemo(
    () => ({
      'controls.ariaLabel': t('journey.controls.label'),
      'controls.zoomIn.ariaLabel': t('journey.controls.zoomIn'),
      'controls.zoomOut.ariaLabel': t('journey.controls.zoomOut'),
      'controls.fitView.ariaLabel': t('journey.controls.fitView'),
      'node.a11yDescription.default': t('journey.controls.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('journey.controls.nodeHelp'),
      'edge.a11yDescription.default': t('journey.controls.edgeHelp'),
      'handle.ariaLabel': t('journey.controls.handle'),
    }),
    [t],
  );
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
        i18n.language,
      ),
    [strategy, channels, issues, strategyIndex, messages, i18n.language],
  );
  // The selected edge is canvas-only state (the form has no notion of it), kept per strategy.
  const [picked, setPicked] = useState<{ strategy: number; id: string } | null>(null);
  const selectedEdge = picked?.strategy === strategyIndex ? picked.id : null;
  const graph = useJourneyGraph(layout, selectedStep, selectedEdge);
  // The step being dragged follows the pointer here; the document changes once, on the drop.
  const [drag, setDrag] = useState<{ strategy: number; id: string; x: number; y: number } | null>(null);
  const dragged = drag?.strategy === strategyIndex ? drag : null;
  const nodes = useMemo(
    () =>
      dragged
        ? graph.nodes.map((n) =>
            n.id === dragged.id ? { ...n, position: { x: dragged.x, y: dragged.y } } : n,
          )
        : graph.nodes,
    [graph.nodes, dragged],
  );
  const edges = graph.edges;
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
  // A step let go after a drag, or moved with the arrow keys: save where it now is (one undo step),
  // unless it ends where it was drawn (an aborted drag).
  const place = (id: string, at: { x: number; y: number }) => {
    setDrag(null);
    const step = layout.steps.find((st) => st.id === id);
    if (!step || (Math.abs(at.x - step.x) < 1 && Math.abs(at.y - step.y) < 1)) return;
    edit.placeStepAt(id, savedPosition(layout, id, at));
  };
  // Enter or Space on a focused step selects it; React Flow reports that as a selection change.
  const onNodesChange = (changes: NodeChange[]) => {
    for (const c of changes) {
      if (c.type === 'position' && c.position) {
        if (c.dragging) setDrag({ strategy: strategyIndex, id: c.id, x: c.position.x, y: c.position.y });
        else place(c.id, c.position);
      }
      const step = c.type === 'select' && c.selected ? layout.steps.find((s) => s.id === c.id) : undefined;
      if (step) onSelectStep(step.index);
    }
  };
  const errors = [
    ...layout.startErrors.map((m) => ({ id: 'journey-start-error', label: t('journey.startError'), m })),
    ...layout.journeyErrors.map((m) => ({ id: 'journey-error', label: t('journey.journeyError'), m })),
  ];
  return (
    <div className="journey" data-testid="journey-canvas" data-view={isViewShown ? 'shown' : 'pending'}>
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
        hasPlacedSteps={layout.steps.some((st) => st.isPlaced)}
        onAutoLayout={edit.autoLayout}
        strategyIndex={strategyIndex}
        onTemplate={() => onSelectStep(0)}
      />
      <JourneyPalette onAdd={edit.addStepOn} />
      <section
        className={`journey__canvas${isDropTarget ? ' journey__canvas--drop' : ''}`}
        ref={wrapper}
        aria-label={t('journey.title')}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes(CHANNEL_DRAG_TYPE)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDropTarget(true);
        }}
        onDragLeave={() => setDropTarget(false)}
        onDrop={(e) => {
          const channel = e.dataTransfer.getData(CHANNEL_DRAG_TYPE);
          setDropTarget(false);
          if (!channel) return;
          e.preventDefault();
          edit.addStepOn(channel);
        }}
      >
        <ReactFlow<Node, OutcomeEdgeType>
          key={strategyIndex}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitViewOptions={FIT}
          ariaLabelConfig={ariaLabels}
          minZoom={0.25}
          nodesDraggable
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
          <ReadableView
            count={layout.steps.length}
            lastStepId={layout.steps.at(-1)?.id}
            onShown={onViewShown}
          />
        </ReactFlow>
      </section>
      <JourneyLegend />
      {deletion.dialog}
    </div>
  );
}
