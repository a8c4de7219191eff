import {
  BaseEdge,
  type Edge,
  EdgeLabelRenderer,
  type EdgeProps,
  getBezierPath,
  useReactFlow,
} from '@xyflow/react';
import type { OutcomeKey } from './journey-layout';

export type OutcomeEdgeData = {
  stepIndex: number;
  key: OutcomeKey;
  /** Accessible name of the × that resets this outcome; absent when there is nothing to reset. */
  deleteLabel?: string;
  testId: string;
};
export type OutcomeEdgeType = Edge<OutcomeEdgeData, 'outcome'>;

/** A step back to itself: an arc over the node, from its outcome handle round to its input. */
function loopPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const top = Math.min(sy, ty) - 64;
  const mx = (sx + tx) / 2;
  return [
    `M ${sx},${sy} C ${sx + 70},${sy} ${sx + 50},${top} ${mx},${top} S ${tx - 70},${ty} ${tx},${ty}`,
    mx,
    top,
  ];
}

/** An outcome edge; when selected and not at its default it shows a × that resets the outcome. */
export function OutcomeEdge(props: EdgeProps<OutcomeEdgeType>) {
  const { id, source, target, data, selected } = props;
  const { deleteElements } = useReactFlow();
  const [path, labelX, labelY] =
    source === target
      ? loopPath(props.sourceX, props.sourceY, props.targetX, props.targetY)
      : getBezierPath(props);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={props.markerEnd}
        style={props.style}
        label={props.label}
        labelX={labelX}
        labelY={labelY}
        labelStyle={props.labelStyle}
        labelShowBg={props.labelShowBg}
        labelBgStyle={props.labelBgStyle}
        labelBgPadding={props.labelBgPadding}
        labelBgBorderRadius={props.labelBgBorderRadius}
        interactionWidth={props.interactionWidth}
      />
      {selected && data?.deleteLabel ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="jedge__delete nodrag nopan"
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + (props.label ? 18 : 0)}px)`,
            }}
            aria-label={data.deleteLabel}
            title={data.deleteLabel}
            data-testid={`journey-edge-delete-${data.testId}`}
            onClick={() => void deleteElements({ edges: [{ id }] })}
          >
            ×
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}
