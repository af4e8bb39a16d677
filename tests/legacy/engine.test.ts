import { paneFor } from "../../src/legacy/engine";

// Which pane each webview Office uses gets (learn.microsoft.com, "Browsers and webview controls used by Office Add-ins"),
// by the user agent it really sends.

describe("paneFor: the engine decides the pane", () => {
  it.each([
    ["Internet Explorer 11 (Office 2016/2019 volume-licensed)", "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko", undefined, "legacy"],
    ["the IE webview in compatibility mode", "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0)", 7, "legacy"],
    ["EdgeHTML (Microsoft 365 before 16.0.13530)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045", undefined, "legacy"],
    ["Edge WebView2 (Chromium)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91", undefined, "modern"],
    ["Safari WKWebView (Office on Mac)", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)", undefined, "modern"],
    ["Chrome (Excel on the web)", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", undefined, "modern"],
    ["Firefox (Excel on the web)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", undefined, "modern"],
  ])("%s → %s pane", (_name, ua, documentMode, pane) => {
    expect(paneFor(ua, documentMode)).toBe(pane);
  });
});
