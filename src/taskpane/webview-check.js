/*
 * EPR Return's task pane in Internet Explorer's webview (Trident): shows taskpane.html's #webview-message.
 *
 * Excel shows an add-in with a <Runtimes> element (ours: the shared runtime) in Trident whenever Microsoft Edge
 * WebView2 is not available, and Trident runs ES5 only, so the pane's bundles fail there and the pane would be
 * blank. Microsoft's advice is to detect Trident from the user agent and show a plain message
 * (learn.microsoft.com: "Support older Microsoft webviews and Office versions", "Browsers and webview controls
 * used by Office Add-ins").
 *
 * Plain ES5, no modules, no build step: webpack.config.js copies this file as is next to taskpane.html, which
 * loads it with a <script src> (the Content-Security-Policy allows the add-in's own scripts, not inline ones).
 * test/taskpane/webviewMessage.test.ts checks that it parses as ES5 and what it shows.
 */
/* global document, navigator */
(function () {
  "use strict";
  if (!/Trident\//.test(navigator.userAgent)) return;
  var message = document.getElementById("webview-message");
  if (!message) return;
  message.removeAttribute("hidden");
  message.style.display = "block";
})();
