import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Below this zoom the canvas text would be smaller than 12 px (its smallest CSS size is 12 px). */
const READABLE_ZOOM = 1;
const MAX_FIT_ZOOM = 1.25;
const EDGE_PAD = 16;

/**
 * The default view: the whole journey when it fits at a readable zoom, otherwise zoom 1 from the
 * left (the start) — pan, or zoom out with the controls, to see the rest. A step added later is
 * brought into view at the current zoom.
 */
export function ReadableView({
  count,
  lastStepId,
  onShown,
}: {
  count: number;
  lastStepId: string | undefined;
  onShown(): void;
}) {
  const { getNodes, getNode, getNodesBounds, getZoom, setViewport, setCenter } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // Every node measured (the nodes here are derived from the layout, so the store's own
  // nodesInitialized flag never turns true).
  const isReady = useStore((s) => {
    if (s.nodeLookup.size === 0) return false;
    for (const n of s.nodeLookup.values()) if (!n.measured.width) return false;
    return true;
  });
  const last = useRef<number | null>(null);
  useEffect(() => {
    if (!isReady || width === 0 || height === 0 || last.current === count) return;
    const before = last.current;
    last.current = count;
    if (before !== null) {
      if (count > before && lastStepId && getNode(lastStepId)) {
        const b = getNodesBounds([lastStepId]);
        void setCenter(b.x + b.width / 2, b.y + b.height / 2, { zoom: getZoom(), duration: 200 });
      }
      return;
    }
    const b = getNodesBounds(getNodes().map((n) => n.id));
    const fit = Math.min((width - 2 * EDGE_PAD) / b.width, (height - 2 * EDGE_PAD) / b.height, MAX_FIT_ZOOM);
    const zoom = Math.max(fit, READABLE_ZOOM);
    const x = fit >= READABLE_ZOOM ? (width - b.width * zoom) / 2 - b.x * zoom : EDGE_PAD - b.x * zoom;
    const y = Math.max(EDGE_PAD - b.y * zoom, (height - b.height * zoom) / 2 - b.y * zoom);
    void setViewport({ x, y, zoom }).then(onShown);
  }, [
    isReady,
    width,
    height,
    count,
    lastStepId,
    getNodes,
    getNode,
    getZoom,
    setViewport,
    setCenter,
    onShown,
    getNodesBounds,
  ]);
  return null;
}
