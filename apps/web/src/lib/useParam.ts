import { useSearchParams } from 'react-router';

/** A URL query parameter as state: pages keep their filters in the URL, so every view is a link. */
export function useParamState(): [URLSearchParams, (key: string, value: string | null | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  return [params, set];
}
