// `npm ci` stays quiet: npm 11 warns about every dependency whose install script package.json's allowScripts
// does not decide, so each one in the lock file must be decided there (allowed or declined).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

describe("install scripts", () => {
  it("decides in package.json every dependency's install script the lock file records", () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
    expect(withScripts).toContain("esbuild");
    for (const name of withScripts) expect(Object.keys(pkg.allowScripts ?? {})).toContain(name);
  });
});
