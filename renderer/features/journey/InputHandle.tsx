import { Handle, Position, useConnection } from '@xyflow/react';

/**
 * A node's input. While an outcome is being dragged from another node it covers the whole node, so
 * a drop anywhere on it connects; on the node the drag started from it stays a bar, so a short drag
 * that ends where it began does not make a loop by accident.
 */
export function InputHandle({ nodeId, label, testId }: { nodeId: string; label: string; testId: string }) {
  const isDropTarget = useConnection((c) => c.inProgress && c.fromNode.id !== nodeId);
  return (
    <Handle
      type="target"
      position={Position.Left}
      id="in"
      className={`jhandle jhandle--in${isDropTarget ? ' jhandle--drop' : ''}`}
      isConnectableStart={false}
      aria-label={label}
      data-testid={testId}
    />
  );
}
