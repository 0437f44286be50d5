import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const [name, path, scheme, width] of [["home-light", "/", "light", 1100], ["home-dark-320", "/", "dark", 320], ["learn", "/learn#combinations", "light", 1100], ["result", "/guide/result/zasb3ag6skd0", "light", 900], ["result-dark", "/guide/result/zasb3ag6skd0", "dark", 900]]) {
  const p = await b.newPage({ viewport: { width, height: 900 } });
  await p.emulateMedia({ colorScheme: scheme });
  await p.goto("http://127.0.0.1:3999" + path);
  const fig = p.locator("figure:has(svg.idea-map)");
  await fig.scrollIntoViewIfNeeded();
  await fig.screenshot({ path: "/tmp/" + name + ".png" });
}
await b.close();
