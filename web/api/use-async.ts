import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './client';

export interface Async<T> { data: T | undefined; error: ApiError | Error | undefined; loading: boolean; missing: boolean; reload(): void }

/** Load once per `deps`; `missing` says the route does not exist yet, so the page can degrade. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let alive = true;
    setState((s) => ({ ...s, loading: true }));
    load().then((data) => { if (alive) setState({ data, loading: false }); }, (error: Error) => { if (alive) setState({ error, loading: false }); });
    return () => { alive = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const missing = state.error instanceof ApiError && (state.error.missing || state.error.status === 404 || state.error.status === 501);
  return { data: state.data, error: state.error, loading: state.loading, missing, reload };
}
