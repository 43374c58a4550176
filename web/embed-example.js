// A tiny demo of the postMessage API: drive the second embed and show the
// latest state it reports back.
(function () {
  "use strict";
  var frame = document.getElementById("remote-target");
  var out = document.getElementById("remote-state");
  function send(cmd) {
    if (frame.contentWindow) {
      // The playground does not need to know who we are; use our origin
      // when it is a real one so the message only goes to the same site.
      var origin = location.origin && location.origin !== "null" ? location.origin : "*";
      frame.contentWindow.postMessage({ chores: cmd }, origin);
    }
  }
  document.getElementById("remote-play").addEventListener("click", function () { send("play"); });
  document.getElementById("remote-pause").addEventListener("click", function () { send("pause"); });

  window.addEventListener("message", function (ev) {
    if (ev.source !== frame.contentWindow) return;
    var d = ev.data;
    if (!d || typeof d !== "object" || d.chores !== "state") return;
    var parts = [];
    if (typeof d.scenario === "string") parts.push(d.scenario);
    if (typeof d.minute === "number") {
      parts.push("minute " + d.minute.toFixed(1) + (typeof d.makespan === "number" ? " of " + d.makespan : ""));
    }
    if (typeof d.playing === "boolean") parts.push(d.playing ? "playing" : "paused");
    if (typeof d.speed === "number") parts.push("speed " + d.speed + "×");
    if (d.done === true) parts.push("done");
    if (d.audio && typeof d.audio.muted === "boolean") parts.push(d.audio.muted ? "muted" : "sound on");
    out.textContent = "Latest state: " + (parts.length ? parts.join(" · ") : JSON.stringify(d));
  });
})();
