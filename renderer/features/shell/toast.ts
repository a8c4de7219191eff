// Short notices ("Saved", "Could not open …") shown for a few seconds.
type Listener = (message: string | null) => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | null = null;

export function notify(message: string): void {
  for (const l of listeners) l(message);
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    for (const l of listeners) l(null);
  }, 5000);
}

export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
