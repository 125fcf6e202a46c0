// How the browser tests and the web bench start Debian's Chromium (driven by playwright-core): headless,
// no sandbox (containers), and nothing that reaches the network on its own.
export const chromiumPath = "/usr/bin/chromium";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
