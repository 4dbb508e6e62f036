/*
 * Renders the lws-server-status report ({"i": {...}, "files": [...]}) with DOM calls only:
 * every value is shown as text, so nothing in the report can become markup.
 */
"use strict";

(function () {
  var reports = 0;

  function clear(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
    return el;
  }

  function row(body, cells, header) {
    var tr = document.createElement("tr");
    cells.forEach(function (text, i) {
      var td = document.createElement(header && i === 0 ? "th" : "td");
      td.textContent = text === undefined || text === null ? "-" : String(text);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }

  function duration(secs) {
    var s = Number(secs);
    if (!Number.isFinite(s)) {
      return "-";
    }
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    return (d ? d + "d " : "") + (d || h ? h + "h " : "") + m + "m " + Math.floor(s % 60) + "s";
  }

  function element(tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined) {
      el.textContent = text;
    }
    if (cls) {
      el.className = cls;
    }
    return el;
  }

  function render(report) {
    var i = report.i || {};
    var ctx = (i.contexts || [])[0] || {};
    var process = clear(document.getElementById("ss-process"));
    row(process, ["Server", i.version], true);
    row(process, ["Process uptime", duration(i.uptime)], true);
    row(process, ["Context uptime", duration(ctx.context_uptime)], true);
    row(process, ["Load average", i.l1 === undefined ? "-" : i.l1 + " " + i.l2 + " " + i.l3], true);
    row(process, ["statm (pages)", i.statm], true);
    row(process, ["Heap in use", Math.round(Number(i.heap) / 1024) + " KiB"], true);
    row(process, ["Connections alive", ctx.wsi_alive], true);
    row(process, ["Listening vhosts", ctx.listen_wsi], true);
    row(process, ["Deprecated", ctx.deprecated === "1" ? "yes (draining after a reload)" : "no"], true);

    var loops = clear(document.getElementById("ss-loops"));
    (ctx.pt || []).forEach(function (pt, n) {
      row(loops, [n, pt.fds_count, pt.listen_fds, pt.conn_fds, pt.wakeups]);
    });

    var vhosts = clear(document.getElementById("ss-vhosts"));
    (ctx.vhosts || []).forEach(function (vh) {
      var box = element("div", undefined, "vhost");
      box.appendChild(element("h3", vh.name + " (port " + vh.port + (vh.use_ssl === "1" ? ", TLS" : "") +
        (vh.sts === "1" ? ", STS" : "") + (vh.listening === "0" ? ", not listening" : "") + ")"));
      if (vh.mounts) {
        var t = element("table"), b = element("tbody");
        row(b, ["Mountpoint", "Origin", "Default"], true);
        vh.mounts.forEach(function (m) {
          row(b, [m.mountpoint, m.origin, m.default]);
        });
        t.appendChild(b);
        box.appendChild(t);
      }
      if (vh["ws-protocols"]) {
        var names = vh["ws-protocols"].map(function (p) {
          return Object.keys(p)[0];
        });
        box.appendChild(element("p", "Protocols: " + names.join(", ")));
      }
      vhosts.appendChild(box);
    });
    if (!ctx.vhosts || ctx.vhosts.length === 0) {
      vhosts.appendChild(element("p", "Hidden by the server (hide-vhosts).", "note"));
    }

    var files = clear(document.getElementById("ss-files"));
    (report.files || []).forEach(function (f) {
      row(files, [f.path, f.val], true);
    });
    if (!report.files || report.files.length === 0) {
      row(files, ["No files configured (filespath)."]);
    }
    reports++;
    document.getElementById("ss-reports").textContent = String(reports);
    document.body.classList.add("has-report");
  }

  LwsLink.open("/", "lws-server-status", "ss-status", function (msg) {
    try {
      render(JSON.parse(msg.data));
    } catch (e) {
      console.warn("lws-server-status: unreadable report: " + e);
    }
  });
}());
