import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

export type Loaded<T> = {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly isLoading: boolean;
  readonly reload: () => void;
};

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError(0, { code: 'CLIENT', title: e instanceof Error ? e.message : String(e) });

/** Loads data when the dependencies change; a late answer to an old request is dropped. */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [isLoading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists the dependencies
  useEffect(() => {
    const call = ++latest.current;
    setLoading(true);
    load()
      .then((value) => {
        if (call !== latest.current) return;
        setData(value);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (call === latest.current) setError(asApiError(e));
      })
      .finally(() => {
        if (call === latest.current) setLoading(false);
      });
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, isLoading, reload };
}

export type Action<A extends unknown[], T> = {
  readonly run: (...args: A) => Promise<T | undefined>;
  readonly error: ApiError | undefined;
  readonly isRunning: boolean;
  readonly reset: () => void;
};

/** A form submission: keeps the server's problem so the form can show it next to its fields. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>): Action<A, T> {
  const [error, setError] = useState<ApiError>();
  const [isRunning, setRunning] = useState(false);
  const run = useCallback(
    async (...args: A) => {
      setRunning(true);
      setError(undefined);
      try {
        return await action(...args);
      } catch (e) {
        setError(asApiError(e));
        return undefined;
      } finally {
        setRunning(false);
      }
    },
    [action],
  );
  return { run, error, isRunning, reset: useCallback(() => setError(undefined), []) };
}
