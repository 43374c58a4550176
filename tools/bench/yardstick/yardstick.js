// Load yardstick.wasm the way a plain Ebitengine page does; a failure shows
// as the page's text, which tools/bench reports. A file of its own, not an
// inline script: the bench serves both programs with web/server, whose
// Content-Security-Policy allows scripts from the page's origin only.
const go = new Go();
WebAssembly.instantiateStreaming(fetch("yardstick.wasm"), go.importObject)
  .then((result) => go.run(result.instance))
  .catch((err) => { document.body.textContent = "yardstick: " + err; });
