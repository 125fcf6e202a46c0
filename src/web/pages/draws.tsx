import type { PageProps } from "../app.js";

export default function Page({ t }: PageProps) {
  return <h1>{t("nav.draws")}</h1>;
}
