// The app's state lives in the URL (page, language, profile, filters) so any result can be shared
// or bookmarked. A tiny history-based router: no library, no hash.
import { useEffect, useState } from "preact/hooks";
import { type Lang, languages } from "./i18n.js";

export type Page = "calculator" | "draws" | "round" | "chances" | "clients" | "notFound";

export interface Route {
  page: Page;
  /** The round number for the round page, as published ("379", "91a"). */
  round?: string;
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { page: "calculator" };
  if (path === "/draws") return { page: "draws" };
  if (path === "/chances") return { page: "chances" };
  if (path === "/clients") return { page: "clients" };
  const round = /^\/rounds\/([0-9]{1,4}[a-z]?)$/.exec(path)?.[1];
  if (round) return { page: "round", round };
  return { page: "notFound" };
}

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
if (typeof window !== "undefined") window.addEventListener("popstate", notify);

/** Goes to `href` (same origin), keeping the language unless `href` sets it. */
export function navigate(href: string, options: { replace?: boolean } = {}) {
  const target = new URL(href, location.href);
  const current = new URL(location.href);
  if (!target.searchParams.has("lang") && current.searchParams.get("lang") === "fr")
    target.searchParams.set("lang", "fr");
  const text = target.pathname + target.search + target.hash;
  if (options.replace) history.replaceState(null, "", text);
  else history.pushState(null, "", text);
  if (!options.replace && target.pathname !== current.pathname) window.scrollTo(0, 0);
  notify();
}

/** Sets (or, with null, removes) query parameters in place: used for state that changes as you type. */
export function setParams(
  params: Record<string, string | null>,
  options: { replace?: boolean } = { replace: true },
) {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === "") url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  navigate(url.pathname + url.search, options);
}

/** Re-renders the caller whenever the URL changes; returns the current URL. */
export function useUrl(): URL {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return new URL(location.href);
}

export function langOf(url: URL): Lang {
  const lang = url.searchParams.get("lang");
  return (languages as readonly string[]).includes(lang ?? "") ? (lang as Lang) : "en";
}

/** A link that stays in the app (no page reload), keeping the language. */
export function hrefFor(path: string, lang: Lang, params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params);
  if (lang === "fr") search.set("lang", "fr");
  const q = search.toString();
  return q ? `${path}?${q}` : path;
}

/** Intercepts clicks on in-app links so they use history instead of reloading. */
export function onLinkClick(e: MouseEvent) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const anchor = (e.target as Element | null)?.closest?.("a");
  if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
  const href = anchor.getAttribute("href");
  if (!href || href.startsWith("http") || href.startsWith("/api") || href.startsWith("#")) return;
  e.preventDefault();
  navigate(href);
}

/** base64url of UTF-8 JSON: compact and safe in a URL. */
export function encodeState(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeState(text: string): unknown {
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}
