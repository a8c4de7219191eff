// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDismiss } from './useDismiss';

afterEach(cleanup);

function Popup(props: {
  isOpen: boolean;
  onDismiss(r: 'outside' | 'escape'): void;
  isEscapeHandled?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, props.isOpen, props.onDismiss, props.isEscapeHandled);
  return (
    <>
      <div ref={ref} data-testid="inside">
        inside
      </div>
      <p data-testid="outside">outside</p>
    </>
  );
}

describe('useDismiss', () => {
  it('reports a press outside and Escape while open, not a press inside', () => {
    const onDismiss = vi.fn();
    render(<Popup isOpen onDismiss={onDismiss} />);
    fireEvent.mouseDown(screen.getByTestId('inside'));
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.mouseDown(screen.getByTestId('outside'));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onDismiss.mock.calls).toEqual([['outside'], ['escape']]);
  });

  it('listens to nothing while closed, and leaves Escape to a popup that handles it', () => {
    const onDismiss = vi.fn();
    const { rerender } = render(<Popup isOpen={false} onDismiss={onDismiss} />);
    fireEvent.mouseDown(screen.getByTestId('outside'));
    expect(onDismiss).not.toHaveBeenCalled();
    rerender(<Popup isOpen isEscapeHandled onDismiss={onDismiss} />);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onDismiss).not.toHaveBeenCalled();
  });
});
