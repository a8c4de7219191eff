import { useEffect, useState } from 'react';
import { subscribeToasts } from './toast';

export function Toaster() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => subscribeToasts(setMessage), []);
  if (!message) return null;
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="toast">
      {message}
    </div>
  );
}
