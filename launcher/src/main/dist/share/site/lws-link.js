/*
 * Shared by the test pages: WebSocket URLs for this page's origin, and dimming the page
 * when a link to the server drops (what lws' test pages do with lws_gray_out).
 * No inline script or style anywhere, so the strict Content-Security-Policy holds.
 */
"use strict";

var LwsLink = (function () {
  /** ws:// or wss:// to this page's host, with an optional path and query. */
  function url(pathAndQuery) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + window.location.host + (pathAndQuery || "/");
  }

  /** Shows the page as disconnected: grey overlay plus a note. */
  function dim() {
    document.body.classList.add("disconnected");
    var note = document.getElementById("link-down");
    if (note) {
      note.hidden = false;
    }
  }

  /** Marks a status badge "open" or "closed". */
  function badge(id, state, text) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    el.classList.remove("open", "closed");
    el.classList.add(state);
    el.textContent = text;
  }

  /**
   * Opens a WebSocket with subprotocol {@code protocol}; on close the badge turns red and the
   * page dims. Returns the socket.
   */
  function open(pathAndQuery, protocol, badgeId, onMessage) {
    var ws = new WebSocket(url(pathAndQuery), protocol);
    ws.addEventListener("open", function () {
      badge(badgeId, "open", "connected (" + protocol + ")");
    });
    ws.addEventListener("message", onMessage);
    ws.addEventListener("close", function (ev) {
      badge(badgeId, "closed", "closed" + (ev.code ? " (" + ev.code + (ev.reason ? " " + ev.reason : "") + ")" : ""));
      dim();
    });
    return ws;
  }

  return { url: url, dim: dim, open: open };
}());
