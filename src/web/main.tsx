import { render } from "preact";
import { App } from "./app.js";
import { onLinkClick } from "./router.js";
import "./styles.css";

// In-app links move through history instead of reloading the page (keyboard activation clicks too).
document.addEventListener("click", onLinkClick);
render(<App />, document.getElementById("app")!);
