// Reading the API from the browser, with a small cache so going back and forth between pages does
// not download the rounds again.
import { useEffect, useState } from "preact/hooks";

const cache = new Map<string, Promise<unknown>>();

export function fetchJson<T>(path: string): Promise<T> {
  let pending = cache.get(path);
  if (!pending) {
    pending = fetch(path, { headers: { accept: "application/json" } }).then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    });
    pending.catch(() => cache.delete(path));
    cache.set(path, pending);
  }
  return pending as Promise<T>;
}

export function postJson<T>(path: string, body: unknown): Promise<T> {
  return fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  }).then(async (res) => {
    const data = await res.json();
    if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { body: data });
    return data as T;
  });
}

export type Loaded<T> = { state: "loading" } | { state: "error" } | { state: "ok"; data: T };

export function useJson<T>(path: string | null): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setValue({ state: "loading" });
    fetchJson<T>(path).then(
      (data) => live && setValue({ state: "ok", data }),
      () => live && setValue({ state: "error" }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return value;
}
