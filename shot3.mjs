import { chromium } from "playwright";
const [,, url, out, width = "1280"] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } });
const r = await p.goto(url, { waitUntil: "networkidle" });
console.log(url, r.status());
await p.screenshot({ path: out });
await b.close();
