import { useState } from "react";

/**
 * A form's request state without a query library: pending while it runs, the error it failed with
 * (cleared when it is sent again). `onSuccess` runs before the form shows it is no longer pending.
 */
export function useSubmit<TBody, TResult>(
  send: (body: TBody) => Promise<TResult>,
  handlers: { onSuccess?: (result: TResult) => void; onError?: (error: Error) => void } = {},
) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function submit(body: TBody) {
    setPending(true);
    setError(null);
    try {
      handlers.onSuccess?.(await send(body));
    } catch (caught) {
      const failure = caught instanceof Error ? caught : new Error(String(caught));
      setError(failure);
      handlers.onError?.(failure);
    } finally {
      setPending(false);
    }
  }

  return { submit, pending, error, reset: () => setError(null) };
}
