// Chores share panel: the link to the story at this minute.
//
// The game (game/platform_js.go) calls choresHost.share(url, request) when
// the share button or S is pressed: the link is copied to the clipboard
// (navigator.clipboard needs a user gesture: the press was one, moments
// ago) and shown in a small panel, selected, to copy by hand where the
// clipboard is refused. The panel's other buttons ask the game, through
// request(name), for the embed's line ("snippet"), a GIF ("gif") or a
// picture of the timeline ("timeline"). No inline script or style: the
// page's Content-Security-Policy forbids them (the look is in share.css).
"use strict";

(function () {
  const host = window.choresHost;
  if (!host) {
    return;
  }
  let panel = null;
  let field = null;
  let status = null;
  let request = null;

  function button(label, onClick, extra) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "button share-button" + (extra ? " " + extra : "");
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function ask(name) {
    return function () {
      if (request) {
        try {
          request(name);
        } catch (e) {
          // the game reports its own troubles in a notice
        }
      }
    };
  }

  function build() {
    panel = document.createElement("div");
    panel.id = "share-panel";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "share-title");
    panel.hidden = true;

    const head = document.createElement("div");
    head.className = "share-head";
    const title = document.createElement("h2");
    title.id = "share-title";
    title.textContent = "Share this story at this minute";
    head.append(title, button("×", close, "share-close"));
    head.lastChild.setAttribute("aria-label", "Close the share panel");

    const row = document.createElement("div");
    row.className = "share-row";
    field = document.createElement("input");
    field.id = "share-link";
    field.type = "text";
    field.readOnly = true;
    field.spellcheck = false;
    field.setAttribute("aria-label", "The link");
    field.addEventListener("focus", function () {
      field.select();
    });
    row.append(field, button("Copy", copyByHand, "share-copy"));

    status = document.createElement("p");
    status.id = "share-status";
    status.setAttribute("aria-live", "polite");

    const more = document.createElement("div");
    more.className = "share-more";
    more.append(
      button("embed line", ask("snippet")),
      button("GIF", ask("gif")),
      button("timeline picture", ask("timeline")),
    );

    panel.append(head, row, status, more);
    panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") {
        ev.preventDefault();
        close();
      }
    });
    document.body.append(panel);
  }

  // copy writes text to the clipboard: true when it was.
  function copy(text) {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      return navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      );
    }
    return Promise.resolve(false);
  }

  function copied(ok) {
    if (ok) {
      status.textContent = "Link copied.";
      host.notice("Link copied");
      return;
    }
    field.focus();
    field.select();
    status.textContent = "Copy the selected link by hand (Ctrl+C, or ⌘C on a Mac).";
  }

  // The Copy button: the clipboard, or the selection's copy command.
  function copyByHand() {
    copy(field.value).then(function (ok) {
      if (!ok) {
        field.focus();
        field.select();
        try {
          ok = document.execCommand("copy");
        } catch (e) {
          ok = false;
        }
      }
      copied(ok);
    });
  }

  function close() {
    if (!panel) {
      return;
    }
    panel.hidden = true;
    const canvas = document.querySelector("canvas");
    if (canvas) {
      canvas.focus(); // the keys go back to the game
    }
  }

  host.share = function (url, send) {
    if (!panel) {
      build();
    }
    request = typeof send === "function" ? send : null;
    field.value = String(url);
    status.textContent = "";
    panel.hidden = false;
    field.focus();
    field.select();
    copy(field.value).then(copied);
  };
  host.closeShare = close;
})();
