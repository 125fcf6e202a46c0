// The app shell: header with navigation and the language switch, the page for the URL, the footer.
// Pages other than the calculator are loaded on demand, so the first load stays small.
import type { ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { type Lang, type Translate, translator } from "./i18n.js";
import { Calculator } from "./pages/calculator.js";
import { hrefFor, langOf, parseRoute, type Route, setParams, useUrl } from "./router.js";

export interface PageProps {
  lang: Lang;
  t: Translate;
  url: URL;
  route: Route;
}

type Loader = () => Promise<{ default: ComponentType<PageProps> }>;
const loaders: Record<"draws" | "round" | "chances" | "clients", Loader> = {
  draws: () => import("./pages/draws.js"),
  round: () => import("./pages/round.js"),
  chances: () => import("./pages/chances.js"),
  clients: () => import("./pages/clients.js"),
};

function LazyPage({ load, ...props }: PageProps & { load: Loader }) {
  const [Page, setPage] = useState<ComponentType<PageProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setPage(null);
    load().then(
      (m) => live && setPage(() => m.default),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (failed) return <p role="alert">{props.t("error.load")}</p>;
  if (!Page) return <p aria-busy="true">{props.t("loading")}</p>;
  return <Page {...props} />;
}

const titles: Record<Route["page"], Parameters<Translate>[0]> = {
  calculator: "nav.calculator",
  draws: "nav.draws",
  round: "nav.draws",
  chances: "nav.chances",
  clients: "nav.clients",
  notFound: "notFound.title",
};

export function App() {
  const url = useUrl();
  const lang = langOf(url);
  const t = translator(lang);
  const route = parseRoute(url.pathname);

  // After moving to another page, put keyboard and screen-reader focus at the start of its content.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById("main")?.focus();
  }, [url.pathname]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t(titles[route.page])} — ${t("app.name")}`;
  }, [lang, route.page, t]);

  const props: PageProps = { lang, t, url, route };
  const navItem = (page: Route["page"], path: string, label: Parameters<Translate>[0]) => {
    const current = route.page === page || (page === "draws" && route.page === "round");
    // The calculator and "your chances" share the profile (and the calculator its date): keep them.
    const keep: Record<string, string> = {};
    const profileParam = url.searchParams.get("p");
    const asOf = url.searchParams.get("asOf");
    if (profileParam && (page === "calculator" || page === "chances")) keep.p = profileParam;
    if (asOf && page === "calculator") keep.asOf = asOf;
    return (
      <li>
        <a href={hrefFor(path, lang, keep)} aria-current={current ? "page" : undefined}>
          {t(label)}
        </a>
      </li>
    );
  };

  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t("skip")}
      </a>
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            EE
          </span>
          <span>
            <strong>{t("app.name")}</strong>
            <small>{t("app.tagline")}</small>
          </span>
        </div>
        <nav aria-label={t("nav.main")}>
          <ul>
            {navItem("calculator", "/", "nav.calculator")}
            {navItem("draws", "/draws", "nav.draws")}
            {navItem("chances", "/chances", "nav.chances")}
            {navItem("clients", "/clients", "nav.clients")}
          </ul>
        </nav>
        <button
          type="button"
          class="lang"
          lang={lang === "en" ? "fr" : "en"}
          aria-label={t("lang.switchLabel")}
          onClick={() => setParams({ lang: lang === "en" ? "fr" : null }, { replace: false })}
        >
          {t("lang.switch")}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === "calculator" && <Calculator {...props} />}
        {(route.page === "draws" ||
          route.page === "round" ||
          route.page === "chances" ||
          route.page === "clients") && <LazyPage {...props} load={loaders[route.page]} />}
        {route.page === "notFound" && (
          <div data-testid="not-found">
            <h1>{t("notFound.title")}</h1>
            <p>{t("notFound.text")}</p>
            <ul>
              <li>
                <a href={hrefFor("/", lang)}>{t("nav.calculator")}</a>
              </li>
              <li>
                <a href={hrefFor("/draws", lang)}>{t("nav.draws")}</a>
              </li>
            </ul>
          </div>
        )}
      </main>
      <footer>
        <p>{t("footer.sources")}</p>
        <p>{t("footer.notAdvice")}</p>
        <p>
          <a href="/api/docs">{t("nav.api")}</a>
        </p>
      </footer>
    </div>
  );
}
