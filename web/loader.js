// Chores page loader.
//
// One file, long on purpose (about 1,200 lines): it runs before Go, in
// every page and embed, with no build step and no modules (a static host
// serves it as it is), so its parts share one closure over the page's
// state rather than a global namespace.
//
// Downloads chores.wasm with a progress bar, runs it with Go's wasm_exec.js,
// and connects the page to the Go program:
//
//   window.choresHost  (defined here, before Go runs; Go calls into it)
//     notice(text)     show a dismissible banner in #notices (.notice)
//     fatal(text)      show the error panel (#error)
//     changed(state)   the game's state changed; forwarded to the parent
//                      window as {chores: "state", ...state} when embedded
//     ready()          window.chores is set: hide the progress UI, replay
//                      commands that arrived early
//     visible          false while the page is hidden or scrolled out of view
//     embedded         true inside an iframe
//     unlocked         true after the first real user gesture
//     share(url, request)  the share panel (share.js): copy the link, show it
//     rest(on)         the game rests: answer its frame requests slowly
//     frameStats       {asked, answered}: frame requests, for tests and the bench
//
//   window.chores      (defined by Go) state(), play(), pause(), seek(minute),
//                      setScenario(nameOrJSON), setSpeed(x), mute(bool),
//                      setView(name), snippet(), shareURL() (the link to
//                      the story at this minute)
//                      (mute() with no argument, or anything but true or
//                      false, is refused with a notice and changes nothing)
//
// A parent page drives an embed with postMessage({chores: cmd, value}).
//
// Bounds (docs/reliability.md, "Browser"): a notice's text is cut to
// NOTICE_CHARS; identical notices merge ("×3"); at most NOTICES_SHOWN are on
// screen, the rest are counted in one "and N more" line; every notice leaves
// the DOM when dismissed or expired. Messages from the parent are coalesced:
// each kind of command (playback, seek, speed, mute, scenario) keeps only its
// latest value until the next flush, FLUSH_MS later, so a burst of 10,000
// messages reaches the game as at most five calls a flush (and at most one
// scenario to parse). Values are checked by the game (one rule for the API
// and for messages); a message that is not {chores: <known command>} is
// ignored.
"use strict";

(function () {
  const script = document.currentScript;
  const wasmURL = (script && script.dataset.wasm) || "chores.wasm";
  const params = new URLSearchParams(window.location.search);

  const embedded = (function () {
    try {
      return window.self !== window.top;
    } catch (e) {
      return true; // a cross-origin top window throws on access in old browsers
    }
  })();
  const wantPoster = embedded || params.get("ui") === "minimal";
  const stayMuted = params.get("mute") === "1";

  // When the .wasm is fetched (load=): now; when the page scrolls into view;
  // or on a click. An embed waits for a click by default: until then it is
  // a still picture of its story and costs nothing (no .wasm byte fetched).
  const LOAD_MODES = ["now", "visible", "click"];
  let loadMode = params.get("load");
  let loadNotice = "";
  if (loadMode === null) {
    loadMode = wantPoster ? "click" : "now";
  } else if (LOAD_MODES.indexOf(loadMode) < 0) {
    const shown = loadMode.length > 40 ? loadMode.slice(0, 40) + "…" : loadMode;
    loadMode = wantPoster ? "click" : "now";
    loadNotice = 'load="' + shown + '": use now, visible or click; loading ' + (loadMode === "now" ? "now." : "on a click.");
  }

  const $ = (id) => document.getElementById(id);
  const loadingEl = $("loading");
  const progressEl = $("progress");
  const fillEl = $("progress-fill");
  const progressText = $("progress-text");
  const errorEl = $("error");
  const posterEl = $("poster");
  const noticesEl = $("notices");
  const facadeEl = $("facade");

  const NOTICE_MS = 10000;
  const NOTICE_CHARS = 300;
  // A few on screen: two in a small embed, three on a page.
  const NOTICES_SHOWN = window.innerHeight < 400 ? 2 : 3;
  const FLUSH_MS = 16;

  let isReady = false;
  let failed = false;
  let intersecting = true;
  let started = false; // start() has been called: the .wasm is on its way
  let clickedIn = false; // the reader started it with a click (a gesture)

  // ---------------------------------------------------------------- host

  const motionQuery = typeof window.matchMedia === "function" ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
  const host = {
    visible: true,
    reducedMotion: !!(motionQuery && motionQuery.matches),
    embedded: embedded,
    unlocked: false,
    notice: function (text) {
      showNotice(String(text));
    },
    fatal: function (text) {
      showError(String(text));
    },
    changed: function (state) {
      postState(state);
      updatePoster(state);
      remember(state);
      describeCanvas(state);
      narrate(state);
    },
    ready: function () {
      onReady();
    },
  };
  window.choresHost = host;

  // ------------------------------------------------------------ resting

  // Resting (paused, nothing moving) the game draws nothing, but
  // Ebitengine still asks for an animation frame 60 times a second, and each
  // one wakes the Go program: 13% of a core for a still picture. While the
  // game says it rests (host.rest), its frame requests are answered ten
  // times a second (its heartbeat and commands from the page need no more),
  // and at once on any input, so a click or a key is as quick as ever.
  const REST_FRAME_MS = 100;
  const frames = (function () {
    const native = window.requestAnimationFrame.bind(window);
    let resting = false;
    let waiting = [];
    let timer = 0;
    function flush() {
      clearTimeout(timer);
      timer = 0;
      const due = waiting;
      waiting = [];
      due.forEach(function (cb) { native(cb); });
    }
    const stats = { asked: 0, answered: 0 };
    window.requestAnimationFrame = function (cb) {
      stats.asked++;
      if (!resting) {
        stats.answered++;
        return native(cb);
      }
      waiting.push(function (t) { stats.answered++; cb(t); });
      if (!timer) {
        timer = setTimeout(flush, REST_FRAME_MS);
      }
      return 0;
    };
    ["pointerdown", "pointermove", "mousedown", "keydown", "wheel", "touchstart"].forEach(function (type) {
      window.addEventListener(type, function () {
        if (waiting.length) {
          flush();
        }
      }, { capture: true, passive: true });
    });
    return {
      stats: stats,
      now: function () {
        if (waiting.length) {
          flush();
        }
      },
      rest: function (on) {
        resting = !!on;
        if (!resting && waiting.length) {
          flush();
        }
      },
    };
  })();
  host.rest = function (on) { frames.rest(on); };
  // For tests and the bench: how many frames were asked for and answered.
  host.frameStats = frames.stats;

  let backgrounded = false; // another Chores on this page took over: keep state, stop drawing

  if (motionQuery && typeof motionQuery.addEventListener === "function") {
    motionQuery.addEventListener("change", function () {
      host.reducedMotion = motionQuery.matches;
    });
  }

  // describeCanvas gives the game's canvas a name for screen readers: the
  // story playing and how to drive it.
  let described = "";
  function describeCanvas(state) {
    const canvas = document.querySelector("canvas");
    if (!canvas || !state) {
      return;
    }
    const label = "Chores: " + String(state.title || state.scenario || "").slice(0, 60) + ". Space plays or pauses; question mark lists the keys.";
    if (label !== described) {
      described = label;
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", label);
    }
  }

  function updateVisible() {
    const was = host.visible;
    host.visible = intersecting && document.visibilityState !== "hidden" && !backgrounded;
    if (host.visible && !was && isReady) {
      call({ name: "wake", args: [] }); // a resting game draws again
      frames.now(); // at once, not at the next slow frame
    }
  }

  // -------------------------------------------------------------- notices

  const shown = new Map(); // text → {el, count, timer} for the notices on screen
  let more = null; // the "and N more" line: {el, count, timer}

  function clipText(text) {
    return text.length > NOTICE_CHARS ? text.slice(0, NOTICE_CHARS) + "…" : text;
  }

  // noticeElement makes one dismissible banner; remove takes it out of the
  // DOM (and its listener with it).
  function noticeElement(text, remove) {
    const el = document.createElement("div");
    el.className = "notice";
    el.setAttribute("role", "status");
    const span = document.createElement("span");
    span.className = "notice-text";
    span.textContent = text;
    const count = document.createElement("span");
    count.className = "notice-count";
    const close = document.createElement("button");
    close.type = "button";
    close.className = "notice-close";
    close.setAttribute("aria-label", "Dismiss this notice");
    close.textContent = "×";
    close.addEventListener("click", remove);
    el.append(span, count, close);
    return el;
  }

  function showNotice(text) {
    text = clipText(text);
    const same = shown.get(text);
    if (same) {
      same.count++;
      same.el.querySelector(".notice-count").textContent = "×" + same.count;
      clearTimeout(same.timer);
      same.timer = setTimeout(same.remove, NOTICE_MS);
      return;
    }
    if (shown.size >= NOTICES_SHOWN) {
      countMore();
      return;
    }
    const entry = { count: 1 };
    entry.remove = function () {
      clearTimeout(entry.timer);
      entry.el.remove();
      if (shown.get(text) === entry) {
        shown.delete(text);
      }
    };
    entry.el = noticeElement(text, entry.remove);
    entry.timer = setTimeout(entry.remove, NOTICE_MS);
    shown.set(text, entry);
    if (more) {
      noticesEl.insertBefore(entry.el, more.el);
    } else {
      noticesEl.append(entry.el);
    }
  }

  // countMore adds one to the "and N more" line under the notices shown.
  function countMore() {
    if (!more) {
      const entry = { count: 0 };
      entry.remove = function () {
        clearTimeout(entry.timer);
        entry.el.remove();
        if (more === entry) {
          more = null;
        }
      };
      entry.el = noticeElement("", entry.remove);
      entry.el.classList.add("notice-more");
      noticesEl.append(entry.el);
      more = entry;
    }
    more.count++;
    more.el.querySelector(".notice-text").textContent = "… and " + more.count + " more " + (more.count === 1 ? "notice" : "notices");
    clearTimeout(more.timer);
    more.timer = setTimeout(more.remove, NOTICE_MS);
  }

  // ---------------------------------------------------------------- error

  let stderrTail = ""; // last part of what the Go program wrote
  let lastConsoleError = "";

  function showError(message, details) {
    failed = true;
    const msgEl = $("error-message");
    if (errorEl.hidden) {
      msgEl.textContent = message;
    } else if (msgEl.textContent !== message) {
      // Keep the first cause on top; later ones go to the details.
      details = message + (details ? "\n\n" + details : "");
    }
    if (details) {
      const pre = $("error-details");
      pre.textContent = (pre.textContent ? pre.textContent + "\n\n" : "") + details;
      $("error-more").hidden = false;
    }
    loadingEl.hidden = true;
    hidePoster();
    errorEl.hidden = false;
    document.body.classList.add("has-error");
    const reload = $("error-reload");
    if (!embedded && reload) {
      reload.focus({ preventScroll: true });
    }
  }

  $("error-reload").addEventListener("click", function () {
    window.location.reload();
  });

  // Keep what the Go runtime prints (panics go to fd 2) so that an exit can
  // say why. wasm_exec.js sends everything to console.log.
  function captureGoOutput() {
    const fs = globalThis.fs;
    if (!fs || typeof fs.writeSync !== "function") {
      return;
    }
    const decoder = new TextDecoder("utf-8");
    const original = fs.writeSync;
    fs.writeSync = function (fd, buf) {
      if (fd === 2) {
        try {
          stderrTail = (stderrTail + decoder.decode(buf, { stream: true })).slice(-8000);
        } catch (e) {
          // never let bookkeeping break the program's output
        }
      }
      return original.call(this, fd, buf);
    };
  }

  const originalConsoleError = console.error;
  console.error = function () {
    try {
      lastConsoleError = Array.prototype.map.call(arguments, String).join(" ").slice(0, 2000);
    } catch (e) {
      // ignore
    }
    return originalConsoleError.apply(this, arguments);
  };

  function explainExit(code) {
    const out = stderrTail.trim();
    const panicLine = out.split("\n").find((l) => /^(panic|fatal error):/.test(l));
    let message;
    if (panicLine) {
      message = "The program crashed: " + panicLine;
    } else if (code) {
      const lastLine = out.split("\n").filter(Boolean).pop();
      message = "The program stopped (exit status " + code + ")" + (lastLine ? ": " + lastLine : ".");
    } else {
      message = "The program ended.";
    }
    let details = out;
    if (lastConsoleError && !out.includes(lastConsoleError)) {
      details = (details ? details + "\n\n" : "") + "Last console error: " + lastConsoleError;
    }
    showError(message, details);
  }

  // ------------------------------------------------------------- progress

  function formatMB(bytes) {
    return (bytes / 1e6).toFixed(1) + " MB";
  }

  function setProgress(loaded, total) {
    if (total > 0) {
      const pct = Math.min(100, (loaded / total) * 100);
      progressEl.classList.remove("indeterminate");
      fillEl.style.width = pct.toFixed(1) + "%";
      progressEl.setAttribute("aria-valuenow", pct.toFixed(0));
      progressText.textContent = "Downloading… " + formatMB(loaded) + " of " + formatMB(total);
    } else {
      progressEl.classList.add("indeterminate");
      progressEl.removeAttribute("aria-valuenow");
      progressText.textContent = "Downloading… " + formatMB(loaded);
    }
  }

  function setStarting() {
    progressEl.classList.remove("indeterminate");
    fillEl.style.width = "100%";
    progressEl.setAttribute("aria-valuenow", "100");
    progressText.textContent = "Starting…";
  }

  // ----------------------------------------------------------- download

  class LoadError extends Error {}

  async function download(url) {
    let resp;
    try {
      resp = await fetch(url);
    } catch (e) {
      throw new LoadError("Could not download " + url + ": " + (e && e.message ? e.message : e));
    }
    if (!resp.ok) {
      throw new LoadError("Could not download " + url + ": HTTP " + resp.status + (resp.statusText ? " " + resp.statusText : ""));
    }
    return resp;
  }

  // The body length to count against: X-Decoded-Length (the size after
  // decompression, which is what the stream yields), or Content-Length
  // when the body is not encoded.
  function expectedSize(resp) {
    const decoded = parseInt(resp.headers.get("X-Decoded-Length") || "", 10);
    if (decoded > 0) {
      return decoded;
    }
    const encoding = (resp.headers.get("Content-Encoding") || "identity").toLowerCase();
    const length = parseInt(resp.headers.get("Content-Length") || "", 10);
    return encoding === "identity" && length > 0 ? length : 0;
  }

  // The bytes actually transferred (compressed): the body is read decoded,
  // so its progress is scaled by Content-Length over the decoded length.
  function transferScale(resp, decodedTotal) {
    const encoding = (resp.headers.get("Content-Encoding") || "identity").toLowerCase();
    const length = parseInt(resp.headers.get("Content-Length") || "", 10);
    if (encoding !== "identity" && length > 0 && decodedTotal > 0) {
      return { scale: length / decodedTotal, total: length };
    }
    return { scale: 1, total: decodedTotal };
  }

  // Wraps the body in a stream that reports progress as it is read.
  function withProgress(resp) {
    const decodedTotal = expectedSize(resp);
    const wire = transferScale(resp, decodedTotal);
    const total = wire.total;
    setProgress(0, total);
    if (!resp.body || typeof resp.body.getReader !== "function" || typeof ReadableStream !== "function") {
      return resp;
    }
    const reader = resp.body.getReader();
    let loaded = 0;
    const stream = new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        loaded += value.byteLength;
        setProgress(Math.round(loaded * wire.scale), total);
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(stream, { headers: { "Content-Type": "application/wasm" } });
  }

  function describeWasmError(e) {
    const text = e && e.message ? e.message : String(e);
    if (e instanceof WebAssembly.CompileError) {
      return wasmURL + " is not a valid WebAssembly module (" + text + ")";
    }
    if (e instanceof WebAssembly.LinkError) {
      return wasmURL + " does not fit this page's wasm_exec.js (" + text + ")";
    }
    return "Could not start " + wasmURL + ": " + text;
  }

  async function instantiate(go) {
    const resp = withProgress(await download(wasmURL));
    if (typeof WebAssembly.instantiateStreaming === "function") {
      try {
        return (await WebAssembly.instantiateStreaming(resp, go.importObject)).instance;
      } catch (e) {
        if (e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError) {
          throw e;
        }
        // Streaming refused (an old browser, a proxy changing the type):
        // fetch again and compile from bytes.
        console.warn("chores: streaming compile failed, retrying from bytes:", e);
      }
    }
    const again = withProgress(await download(wasmURL));
    const bytes = await again.arrayBuffer();
    return (await WebAssembly.instantiate(bytes, go.importObject)).instance;
  }

  async function start() {
    if (typeof Go !== "function") {
      showError("wasm_exec.js did not load, so the Go program cannot run.");
      return;
    }
    if (typeof WebAssembly !== "object") {
      showError("This browser does not support WebAssembly.");
      return;
    }
    const go = new Go();
    let exitCode = null;
    const goExit = go.exit;
    go.exit = function (code) {
      exitCode = code;
      return goExit.call(this, code);
    };
    captureGoOutput();

    let instance;
    try {
      instance = await instantiate(go);
    } catch (e) {
      showError(e instanceof LoadError ? e.message : describeWasmError(e));
      return;
    }
    setStarting();
    watchForAPI();
    let running;
    try {
      running = go.run(instance);
    } catch (e) {
      showError("The program failed to start: " + (e && e.message ? e.message : e));
      return;
    }
    running.then(
      function () {
        explainExit(exitCode);
      },
      function (e) {
        showError("The program failed: " + (e && e.message ? e.message : e), stderrTail.trim());
      }
    );
  }

  // ---------------------------------------------------------------- ready

  function apiPresent() {
    const c = window.chores;
    return (typeof c === "object" && c !== null) || typeof c === "function";
  }

  // Go calls choresHost.ready(); polling for window.chores covers a Go side
  // that forgets to.
  function watchForAPI() {
    // A program that never publishes its API still deserves to be seen:
    // lift the loading screen after a while (commands stay queued).
    setTimeout(function () {
      if (!isReady && !failed) {
        console.warn("chores: window.chores did not appear; showing the program anyway");
        reveal();
      }
    }, 15000);
    const timer = setInterval(function () {
      if (isReady || failed) {
        clearInterval(timer);
        return;
      }
      if (apiPresent()) {
        clearInterval(timer);
        onReady();
      }
    }, 100);
  }

  // Hides the loading screen and, for embeds, shows the poster.
  function reveal() {
    if (failed) {
      return;
    }
    loadingEl.hidden = true;
    document.body.classList.add("is-ready");
    if (wantPoster && !clickedIn && posterEl && posterEl.parentNode) {
      posterEl.hidden = false;
    }
  }

  function onReady() {
    if (isReady || !apiPresent()) {
      return;
    }
    isReady = true;
    if (params.has("embed-help")) {
      setTimeout(showEmbedHelp, 0);
    }
    reveal();
    if (clickedIn) {
      // Played from the facade: that click was the gesture that unlocks
      // audio, so it plays, with sound unless the link says mute=1.
      hidePoster();
      if (!stayMuted) {
        command({ name: "mute", args: [false] });
      }
      command({ name: "play", kind: "playback", args: [] });
    } else if (wantPoster && posterEl && posterEl.parentNode) {
      call({ name: "mute", args: [true] }); // muted until the poster is clicked
    }
    try {
      // The line the snippet panel shows, for a host page or a test.
      window.chores.snippet = function () {
        return embedSnippet(currentState(), snippetSize);
      };
    } catch (e) {
      // a frozen API: the panel still shows the line
    }
    restore();
    flush();
    try {
      if (typeof window.chores.state === "function") {
        postState(window.chores.state());
      }
    } catch (e) {
      // the state will arrive with the next change
    }
  }

  // --------------------------------------------------------------- poster

  // The poster says what a click will do, following the game's state: a
  // parent may unmute (or mute) the embed before anyone clicks.
  let posterSound = "";
  function updatePoster(state) {
    if (!posterEl || !posterEl.parentNode || !state || !state.audio) {
      return;
    }
    const sound = state.audio.muted ? "off" : "on";
    if (sound === posterSound) {
      return;
    }
    posterSound = sound;
    posterEl.dataset.sound = sound;
    const text = posterEl.querySelector(".poster-text");
    if (text) {
      text.textContent =
        sound === "on"
          ? "Sound is on: click to hear it and take control"
          : stayMuted
          ? "Click to take control (sound off)"
          : "Click to listen and take control";
    }
  }

  function hidePoster() {
    if (posterEl && posterEl.parentNode) {
      posterEl.remove();
    }
  }

  function takeControl(ev) {
    if (ev) {
      ev.preventDefault();
      ev.stopPropagation();
    }
    host.unlocked = true;
    takeTurn();
    hidePoster();
    const canvas = document.querySelector("canvas");
    if (canvas) {
      canvas.focus({ preventScroll: true });
    }
    if (!stayMuted) {
      command({ name: "mute", args: [false] });
    }
  }

  if (posterEl) {
    // A button fires click for mouse, touch, Enter and Space alike.
    posterEl.addEventListener("click", takeControl);
  }

  // ------------------------------------------------------------ commands

  function call(cmd) {
    try {
      const fn = window.chores && window.chores[cmd.name];
      if (typeof fn === "function") {
        fn.apply(window.chores, cmd.args);
      }
    } catch (e) {
      console.warn("chores: " + cmd.name + " failed:", e);
    }
  }

  // Commands wait here until the next flush, the latest of each kind only,
  // in the order their latest arrived. Before window.chores exists they wait
  // for ready.
  let pending = []; // [{kind, name, args}]
  let flushTimer = 0;

  function command(cmd) {
    const kind = cmd.kind || cmd.name;
    pending = pending.filter((c) => (c.kind || c.name) !== kind);
    pending.push(cmd);
    if (isReady && !flushTimer) {
      flushTimer = setTimeout(flush, FLUSH_MS);
    }
  }

  function flush() {
    flushTimer = 0;
    if (!isReady) {
      return;
    }
    const now = pending;
    pending = [];
    now.forEach(call);
  }

  // What each message stands for: the API call and its kind (one kind keeps
  // one pending command: play and pause are both "playback").
  const MESSAGES = {
    play: { name: "play", kind: "playback", value: false },
    pause: { name: "pause", kind: "playback", value: false },
    seek: { name: "seek", kind: "seek", value: true },
    speed: { name: "setSpeed", kind: "speed", value: true },
    mute: { name: "mute", kind: "mute", value: true },
    scenario: { name: "setScenario", kind: "scenario", value: true },
  };

  // Turns a message into a call, or null when it is not a command at all.
  // The value goes to the game as it is: the game checks it (and refuses a
  // bad one with a notice), so one rule covers the API and messages. Only
  // an "empty" message keeps the old silence: {chores: "seek"} with no
  // value is refused by the game like seek().
  function parseMessage(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || typeof data.chores !== "string") {
      return null;
    }
    if (!Object.prototype.hasOwnProperty.call(MESSAGES, data.chores)) {
      return null;
    }
    const m = MESSAGES[data.chores];
    return { name: m.name, kind: m.kind, args: m.value ? [data.value] : [] };
  }

  window.addEventListener("message", function (ev) {
    try {
      // Commands come from the embedding page (or, for tests, this window).
      if (ev.source !== window.parent && ev.source !== window) {
        return;
      }
      const cmd = parseMessage(ev.data);
      if (cmd) {
        command(cmd);
      }
    } catch (e) {
      // malformed messages are ignored
    }
  });

  // --------------------------------------------------------------- state

  function postState(state) {
    if (!embedded || !state || typeof state !== "object") {
      return;
    }
    let msg;
    try {
      // Not the story itself (up to a few kilobytes): a parent has its
      // name, and window.chores.state() has the rest.
      msg = Object.assign({}, state, { chores: "state", story: undefined });
      delete msg.story;
      window.parent.postMessage(msg, "*");
    } catch (e) {
      try {
        // Not cloneable (a function inside?): send its JSON form instead.
        msg = Object.assign(JSON.parse(JSON.stringify(state)), { chores: "state" });
        delete msg.story;
        window.parent.postMessage(msg, "*");
      } catch (e2) {
        // give up on this update
      }
    }
  }

  // ----------------------------------------------------- gestures, views

  function onGesture(ev) {
    if (ev.isTrusted) {
      host.unlocked = true;
    }
  }
  ["pointerup", "keyup", "touchend"].forEach(function (type) {
    window.addEventListener(type, onGesture, { capture: true, passive: true });
  });

  document.addEventListener("visibilitychange", updateVisible);
  if (typeof IntersectionObserver === "function") {
    // Threshold 0: any visible pixel counts. Inside an iframe this follows
    // the top-level viewport, so scrolling an embed away stops drawing.
    const io = new IntersectionObserver(
      function (entries) {
        intersecting = entries[entries.length - 1].isIntersecting;
        updateVisible();
      },
      { threshold: 0 }
    );
    io.observe(document.body);
  }
  updateVisible();

  // --------------------------------------------------------------- facade

  // The story's title for the facade: a preset's from posters/titles.json
  // (written by make web from the model), a plain config link's own name,
  // else a generic one. The picture: posters/<story>.png, or the generic
  // house for a household of one's own.
  function facadeStory() {
    const config = params.get("config");
    if (config !== null) {
      let name = "";
      try {
        if (config.length < 200000 && !config.startsWith("z.")) {
          name = JSON.parse(atob(config.replace(/-/g, "+").replace(/_/g, "/"))).name || "";
        }
      } catch (e) {
        name = "";
      }
      return { poster: "custom", title: String(name).slice(0, 40) || "A household of its own" };
    }
    const scenario = params.get("scenario") || "sequential";
    return { poster: /^[a-z0-9-]{1,30}$/.test(scenario) ? scenario : "sequential", title: "" };
  }

  function showFacade(note) {
    if (!facadeEl) {
      return;
    }
    const story = facadeStory();
    const picture = $("facade-picture");
    picture.src = "posters/" + story.poster + ".png";
    picture.onerror = function () {
      picture.onerror = null;
      picture.src = "posters/custom.png";
    };
    $("facade-title").textContent = story.title || story.poster;
    $("facade-note").textContent = note;
    if (!story.title) {
      fetch("posters/titles.json")
        .then((r) => (r.ok ? r.json() : {}))
        .then((titles) => {
          if (titles && typeof titles[story.poster] === "string") {
            $("facade-title").textContent = titles[story.poster];
            facadeEl.setAttribute("aria-label", "Play: " + titles[story.poster]);
          }
        })
        .catch(() => {});
    }
    loadingEl.hidden = true;
    facadeEl.hidden = false;
    window.choresFacadeMs = performance.now(); // for the tests: when it showed
  }

  function playFromFacade(ev) {
    if (ev) {
      ev.preventDefault();
    }
    clickedIn = true;
    host.unlocked = true;
    takeTurn();
    facadeEl.hidden = true;
    loadingEl.hidden = false;
    begin();
  }

  if (facadeEl) {
    facadeEl.addEventListener("click", playFromFacade);
  }

  function begin() {
    if (started) {
      return;
    }
    started = true;
    start();
  }

  // ----------------------------------------------- reloads and lost contexts

  // A browser may drop the page's WebGL context, and Ebitengine answers by
  // reloading the page. What matters is kept in sessionStorage, so the
  // reload comes back on the same story, minute, speed, view and sound; and
  // a page that keeps reloading stops and waits for a click instead.
  // sessionStorage is shared by the same-origin embeds of a tab: each one
  // keys its own by its name (window.name lives through a reload; one is
  // given when the page set none), so that two embeds of the same link do
  // not restore each other, nor count each other's reloads.
  const ident = (function () {
    try {
      if (!window.name) {
        window.name = "chores-" + Math.random().toString(36).slice(2);
      }
      return window.name.slice(0, 100);
    } catch (e) {
      return "";
    }
  })();
  const STORE = "chores:" + window.location.pathname + window.location.search + "#" + ident;
  const RELOADS = "chores:reloads#" + ident;
  let lastSaved = 0;
  let saveTimer = 0;
  let saveNext = null;

  // narrate speaks the story's events to screen readers: state.narration
  // goes into the aria-live region when it changes, at most once every
  // NARRATE_MS (at 8x a story can change faster than anyone can listen);
  // the latest line is written when the wait is over.
  const NARRATE_MS = 1500;
  let narrated = "";
  let narrateAt = 0;
  let narrateTimer = 0;
  let narrateNext = "";
  function narrate(state) {
    const line = state && typeof state.narration === "string" ? state.narration.slice(0, 300) : "";
    narrateNext = line;
    if (narrateTimer) {
      return;
    }
    const write = function () {
      narrateTimer = 0;
      if (narrateNext === narrated) {
        return;
      }
      const el = document.getElementById("narration");
      if (el) {
        el.textContent = narrateNext;
      }
      narrated = narrateNext;
      narrateAt = Date.now();
    };
    if (line === narrated) {
      return;
    }
    const wait = narrateAt + NARRATE_MS - Date.now();
    if (wait <= 0) {
      write();
    } else {
      narrateTimer = setTimeout(write, wait);
    }
  }

  // remember keeps the state at most every 500 ms, and the latest one when
  // the wait is over: a seek right after a change of story is kept too.
  // storyText is what setScenario needs to play the story again: its JSON
  // (a story of one's own has no name to go by), else its name.
  function storyText(state) {
    if (state.story && typeof state.story === "object") {
      try {
        const text = JSON.stringify(state.story);
        if (text.length < 100000) {
          return text;
        }
      } catch (e) {
        // fall back on the name
      }
    }
    return state.scenario;
  }

  function remember(state) {
    if (!state) {
      return;
    }
    const now = Date.now();
    saveNext = state;
    if (now - lastSaved < 500) {
      if (!saveTimer) {
        saveTimer = setTimeout(function () {
          saveTimer = 0;
          remember(saveNext);
        }, 500 - (now - lastSaved));
      }
      return;
    }
    lastSaved = now;
    try {
      const keep = {
        story: storyText(state),
        minute: state.minute,
        speed: state.speed,
        view: state.view,
        muted: state.audio ? state.audio.muted : true,
        playing: state.playing,
      };
      sessionStorage.setItem(STORE, JSON.stringify(keep));
    } catch (e) {
      // storage may be full or refused; a reload then starts afresh
    }
  }

  function wasReloaded() {
    try {
      const nav = performance.getEntriesByType("navigation")[0];
      return !!nav && nav.type === "reload";
    } catch (e) {
      return false;
    }
  }

  // recentReloads counts this reload and says how many happened lately
  // (within 30 s): one is a lost context, restored; a second one so soon
  // is a page with more live embeds than the browser keeps contexts for.
  function recentReloads() {
    try {
      const now = Date.now();
      const times = JSON.parse(sessionStorage.getItem(RELOADS) || "[]").filter((t) => now - t < 30000);
      times.push(now);
      sessionStorage.setItem(RELOADS, JSON.stringify(times));
      return times.length;
    } catch (e) {
      return 1;
    }
  }

  function restore() {
    if (!wasReloaded()) {
      return;
    }
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(STORE) || "null");
    } catch (e) {
      saved = null;
    }
    if (!saved || typeof saved !== "object") {
      return;
    }
    if (typeof saved.story === "string" && saved.story) {
      command({ name: "setScenario", kind: "scenario", args: [saved.story] });
    }
    if (typeof saved.speed === "number") {
      command({ name: "setSpeed", kind: "speed", args: [saved.speed] });
    }
    if (typeof saved.minute === "number") {
      command({ name: "seek", kind: "seek", args: [saved.minute] });
    }
    if (saved.playing === false) {
      command({ name: "pause", kind: "playback", args: [] });
    }
    if (typeof saved.view === "string" && saved.view && saved.view !== "house") {
      command({ name: "setView", kind: "view", args: [saved.view] });
    }
    if (saved.muted === false) {
      // Sound comes back only where the browser lets it (it asks for a
      // gesture); a muted page stays muted.
      command({ name: "mute", kind: "mute", args: [false] });
    }
  }

  // ----------------------------------------------- one playing at a time

  // Embeds on one page share a channel: the one the reader plays last draws;
  // the others keep their state, pause and stop drawing until clicked again.
  const me = Math.random().toString(36).slice(2);
  let channel = null;
  try {
    channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("chores-embeds") : null;
  } catch (e) {
    channel = null;
  }

  function takeTurn() {
    if (backgrounded) {
      backgrounded = false;
      updateVisible();
    }
    if (channel) {
      try {
        channel.postMessage({ playing: me });
      } catch (e) {
        // a closed channel: nothing to tell
      }
    }
  }

  if (channel && embedded) {
    channel.onmessage = function (ev) {
      if (!ev.data || ev.data.playing === me || !isReady) {
        return;
      }
      backgrounded = true;
      updateVisible();
      call({ name: "pause", args: [] });
      if (posterEl) {
        if (!posterEl.parentNode) {
          document.body.append(posterEl);
        }
        const text = posterEl.querySelector(".poster-text");
        if (text) {
          text.textContent = "Another story is playing: click to come back";
        }
        posterEl.hidden = false;
      }
    };
  }

  window.addEventListener("pointerdown", function (ev) {
    if (ev.isTrusted && isReady && embedded) {
      takeTurn();
    }
  }, { capture: true, passive: true });

  // ------------------------------------------------------- embed snippet

  // The iframe line for the story on screen: its story (or link), view and
  // minute, at the small embed's size, lazy, with a title.
  // size is the iframe's {w, h} in CSS pixels (the game sends what is on
  // screen); the small embed's 480x300 when not given.
  function embedSnippet(state, size) {
    const w = size && size.w > 0 ? Math.round(Math.min(size.w, 1280)) : 480;
    const h = size && size.h > 0 ? Math.round(Math.min(size.h, 800)) : 300;
    const q = new URLSearchParams();
    const config = params.get("config");
    if (config) {
      q.set("config", config);
    } else {
      q.set("scenario", (state && state.scenario) || params.get("scenario") || "sequential");
    }
    q.set("ui", w >= 640 && h >= 400 ? "full" : "minimal");
    if (state && state.view && state.view !== "house") {
      q.set("view", state.view);
    }
    if (state && state.minute >= 1) {
      q.set("t", String(Math.floor(state.minute)));
    }
    const src = location.origin + location.pathname + "?" + q.toString().replace(/&/g, "&amp;");
    const title = String((state && state.title) || "Chores").replace(/[<>"&]/g, "");
    return '<iframe src="' + src + '" width="' + w + '" height="' + h + '" loading="lazy" allow="autoplay" title="Chores: ' + title + '" style="border:0"></iframe>';
  }

  function currentState() {
    try {
      return isReady && window.chores.state ? window.chores.state() : null;
    } catch (e) {
      return null;
    }
  }

  let snippetSize = null; // the size the game last asked for
  function showEmbedHelp(w, h) {
    const panel = $("embed-help");
    if (!panel) {
      return;
    }
    if (typeof w === "number" && typeof h === "number") {
      snippetSize = { w: w, h: h };
    }
    $("embed-code").value = embedSnippet(currentState(), snippetSize);
    $("embed-copied").textContent = "";
    panel.hidden = false;
    $("embed-code").select();
  }
  host.embedHelp = showEmbedHelp;

  if ($("embed-help")) {
    $("embed-copy").addEventListener("click", function () {
      const text = $("embed-code").value;
      const done = () => ($("embed-copied").textContent = "Copied.");
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () {
          $("embed-code").select();
          $("embed-copied").textContent = "Select the line and copy it (Ctrl+C).";
        });
      } else {
        $("embed-code").select();
        $("embed-copied").textContent = "Select the line and copy it (Ctrl+C).";
      }
    });
    $("embed-close").addEventListener("click", function () {
      $("embed-help").hidden = true;
    });
  }

  // ----------------------------------------------------------------- boot

  function boot() {
    if (loadNotice) {
      showNotice(loadNotice);
    }
    if (wasReloaded() && recentReloads() > 1) {
      // Reloading in a loop (a lost graphics context, again and again):
      // stop, and let the reader restart it.
      showFacade("This story stopped; click to restart it");
      return;
    }
    if (loadMode === "now") {
      begin();
      return;
    }
    showFacade(loadMode === "click" ? "Click to play" : "Loading when it scrolls into view…");
    if (loadMode === "visible") {
      if (typeof IntersectionObserver !== "function") {
        begin();
        return;
      }
      const io = new IntersectionObserver(function (entries) {
        if (entries[entries.length - 1].isIntersecting) {
          io.disconnect();
          facadeEl.hidden = true;
          loadingEl.hidden = false;
          begin();
        }
      }, { threshold: 0 });
      io.observe(document.body);
    }
  }

  boot();
})();
