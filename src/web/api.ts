// Reading the API from the browser, with a small cache so going back and forth between pages does
// not download the rounds again.
import { useEffect, useState } from "preact/hooks";

const cache = new Map<string, Promise<unknown>>();

export function fetchJson<T>(path: string, as: "json" | "text" = "json"): Promise<T> {
  const key = `${as} ${path}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = fetch(path, { headers: { accept: as === "json" ? "application/json" : "text/*" } }).then(
      async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return as === "json" ? res.json() : res.text();
      },
    );
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
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
    if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status, body: data });
    return data as T;
  });
}

export type Loaded<T> = { state: "loading" } | { state: "error" } | { state: "ok"; data: T };

export function useJson<T>(path: string | null, as: "json" | "text" = "json"): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setValue({ state: "loading" });
    fetchJson<T>(path, as).then(
      (data) => live && setValue({ state: "ok", data }),
      () => live && setValue({ state: "error" }),
    );
    return () => {
      live = false;
    };
  }, [path, as]);
  return value;
}

export const useText = (path: string | null) => useJson<string>(path, "text");
