/*
 * The start page's WebSocket demos: the dumb-increment counter, the lws-mirror drawing
 * board and the lws-status client list. Everything peers send is shown with textContent
 * or drawn after checking, never inserted as markup.
 */
"use strict";

(function () {
  /* --- dumb-increment-protocol --- */
  var number = document.getElementById("number");
  var di = LwsLink.open("/", "dumb-increment-protocol", "di-status", function (msg) {
    number.textContent = msg.data;
  });
  document.getElementById("di-reset").addEventListener("click", function () {
    di.send("reset\n");
  });
  document.getElementById("di-close").addEventListener("click", function () {
    di.send("closeme\n");
  });

  /* --- lws-mirror-protocol --- */
  var params = new URLSearchParams(window.location.search);
  var instance = params.get("mirror") || "";
  document.getElementById("lm-instance").textContent = instance === "" ? "(default)" : instance;
  var canvas = document.getElementById("lm-canvas");
  var ctx = canvas.getContext("2d");
  var colour = document.getElementById("lm-colour");
  var count = document.getElementById("lm-count");
  var received = 0;
  var colourPattern = /^#[0-9a-fA-F]{6}$/;

  function num(s) {
    var n = Number(s);
    return Number.isFinite(n) ? n : null;
  }

  /* One record: "d #rrggbb x1 y1 x2 y2" (a line) or "c #rrggbb x y r" (a circle). */
  function drawRecord(record) {
    var f = record.trim().split(/\s+/);
    if (f.length < 5 || !colourPattern.test(f[1])) {
      return false;
    }
    var a = num(f[2]), b = num(f[3]), c = num(f[4]);
    if (a === null || b === null || c === null) {
      return false;
    }
    ctx.strokeStyle = f[1];
    ctx.lineWidth = 2;
    ctx.beginPath();
    if (f[0] === "d" && f.length >= 6 && num(f[5]) !== null) {
      ctx.moveTo(a, b);
      ctx.lineTo(c, num(f[5]));
    } else if (f[0] === "c" && c > 0 && c < 1000) {
      ctx.arc(a, b, c, 0, Math.PI * 2, true);
    } else {
      return false;
    }
    ctx.stroke();
    return true;
  }

  var lm = LwsLink.open("/?mirror=" + encodeURIComponent(instance), "lws-mirror-protocol", "lm-status",
    function (msg) {
      if (typeof msg.data !== "string") {
        return;
      }
      var records = msg.data.split(";");
      for (var i = 0; i < records.length; i++) {
        if (records[i].trim() !== "" && drawRecord(records[i])) {
          received++;
        }
      }
      count.textContent = String(received);
    });

  var last = null;
  function point(ev) {
    // offsetX/Y are relative to the canvas' padding edge; scale in case CSS resized it
    return {
      x: Math.round(ev.offsetX * canvas.width / (canvas.clientWidth || canvas.width)),
      y: Math.round(ev.offsetY * canvas.height / (canvas.clientHeight || canvas.height))
    };
  }
  canvas.addEventListener("mousedown", function (ev) {
    last = point(ev);
  });
  canvas.addEventListener("mousemove", function (ev) {
    if (last === null || lm.readyState !== WebSocket.OPEN) {
      return;
    }
    var p = point(ev);
    lm.send("d " + colour.value + " " + last.x + " " + last.y + " " + p.x + " " + p.y + ";");
    last = p;
  });
  ["mouseup", "mouseleave"].forEach(function (type) {
    canvas.addEventListener(type, function () {
      last = null;
    });
  });
  document.getElementById("lm-clear").addEventListener("click", function () {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
  });

  /* --- lws-status --- */
  var conns = document.getElementById("st-conns");
  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
  }
  LwsLink.open("/", "lws-status", "st-status", function (msg) {
    var s;
    try {
      s = JSON.parse(msg.data);
    } catch (e) {
      console.warn("lws-status: not JSON: " + e);
      return;
    }
    document.getElementById("st-count").textContent = String(s.wsi);
    document.getElementById("st-version").textContent = String(s.version);
    document.getElementById("st-hostname").textContent = String(s.hostname);
    while (conns.firstChild) {
      conns.removeChild(conns.firstChild);
    }
    (s.conns || []).forEach(function (c) {
      var row = document.createElement("tr");
      cell(row, String(c.peer));
      cell(row, new Date(Number(c.time) * 1000).toLocaleString());
      cell(row, String(c.ua));
      conns.appendChild(row);
    });
  });
}());
