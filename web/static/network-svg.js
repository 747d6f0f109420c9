/* The network drawing as an SVG file, written from cytoscape's own positions and the
 * page's styles (colours, edge widths): circles, straight or curved lines with arrows,
 * and labels as real text a graphics desk can edit, plus the legend. Our own code:
 * the SVG extensions on npm are GPL, this project is Apache-2.0.
 * window.kgNetworkSvg(cy, {nodeColor, edgeColor, edgeWidth, font, title}) → SVG source. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function round(v) { return Math.round(v * 10) / 10; }
  // a label in lines of at most ~maxWidth pixels (Hangul and other wide letters count 1 em, others about 0.55)
  function wrap(text, size, maxWidth) {
    var lines = [], line = "", width = 0;
    String(text || "").split(/(\s+)/).forEach(function (word) {
      var w = 0;
      for (var i = 0; i < word.length; i++) w += word.charCodeAt(i) > 0x2e80 ? size : size * 0.55;
      if (line && width + w > maxWidth && word.trim()) { lines.push(line.trim()); line = ""; width = 0; }
      if (!line && !word.trim()) return;
      line += word; width += w;
    });
    if (line.trim()) lines.push(line.trim());
    return lines;
  }

  window.kgNetworkSvg = function (cy, o) {
    var doc = document.implementation.createDocument(NS, "svg", null);
    var svg = doc.documentElement;
    function mk(parent, tag, attrs, text) {
      var e = doc.createElementNS(NS, tag);
      Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] != null) e.setAttribute(k, attrs[k]); });
      if (text != null) e.textContent = text;
      parent.appendChild(e);
      return e;
    }
    var shown = cy.elements().not(".filtered");
    var bb = shown.boundingBox({includeLabels: true, includeOverlays: false});
    var pad = 24, legendH = 70, x0 = bb.x1 - pad, y0 = bb.y1 - pad - 30;
    var w = Math.max(bb.w + 2 * pad, 520), h = bb.h + 2 * pad + 30 + legendH;
    svg.setAttribute("viewBox", [round(x0), round(y0), round(w), round(h)].join(" "));
    svg.setAttribute("width", round(w));
    svg.setAttribute("height", round(h));
    svg.setAttribute("font-family", o.font);
    mk(svg, "title", {}, o.title);
    mk(svg, "rect", {x: round(x0), y: round(y0), width: round(w), height: round(h), fill: "#ffffff"});
    mk(svg, "text", {x: round(x0 + pad), y: round(y0 + 24), "font-size": 16, "font-weight": "bold", fill: "#1c1f23"}, o.title);

    var defs = mk(svg, "defs"), markers = {};
    function marker(color) {
      if (markers[color]) return markers[color];
      var id = "arrow" + Object.keys(markers).length;
      var m = mk(defs, "marker", {id: id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
        orient: "auto-start-reverse", markerUnits: "userSpaceOnUse"});
      mk(m, "path", {d: "M0,0 L10,5 L0,10 z", fill: color});
      markers[color] = "url(#" + id + ")";
      return markers[color];
    }

    var edges = mk(svg, "g", {fill: "none"});
    shown.edges().forEach(function (e) {
      var s = e.sourceEndpoint(), t = e.targetEndpoint(), cps = e.controlPoints(), color = o.edgeColor(e);
      var d = "M" + round(s.x) + "," + round(s.y);
      d += cps && cps.length ? " Q" + round(cps[0].x) + "," + round(cps[0].y) + " " : " L";
      d += round(t.x) + "," + round(t.y);
      var comention = e.data("relation") === "comention";
      var p = mk(edges, "path", {d: d, stroke: color, "stroke-width": round(o.edgeWidth(e)), "stroke-opacity": 0.85,
        "stroke-dasharray": comention ? "6 4" : null, "marker-end": comention ? null : marker(color)});
      mk(p, "title", {}, e.source().data("label") + " —" + e.data("label") + "→ " + e.target().data("label"));
    });

    var nodes = mk(svg, "g");
    shown.nodes().forEach(function (n) {
      var p = n.position(), r = n.width() / 2, size = parseFloat(n.style("font-size")) || 14;
      var g = mk(nodes, "g");
      mk(g, "circle", {cx: round(p.x), cy: round(p.y), r: round(r), fill: o.nodeColor(n),
        stroke: n.hasClass("expanded") ? "#1c1f23" : "#ffffff", "stroke-width": n.hasClass("expanded") ? 3 : 1.5});
      // the label where the page draws it (network.js sets "side"): beside, above or below the node
      var side = n.data("side") || "bottom", beside = side === "left" || side === "right";
      var lines = wrap(n.data("label"), size, beside ? 150 : 100), lh = size * 1.2;
      var x = side === "left" ? p.x - r - 5 : side === "right" ? p.x + r + 5 : p.x;
      var y = side === "top" ? p.y - r - 4 - (lines.length - 1) * lh - size * 0.25
        : beside ? p.y + size * 0.35 - (lines.length - 1) * lh / 2 : p.y + r + 4 + size * 0.9;
      var text = mk(g, "text", {x: round(x), y: round(y), "font-size": size,
        "text-anchor": side === "left" ? "end" : side === "right" ? "start" : "middle",
        "font-weight": n.hasClass("center") ? "bold" : null, fill: "#1c1f23", stroke: "#ffffff", "stroke-width": 4,
        "stroke-linejoin": "round", "paint-order": "stroke"});
      lines.forEach(function (line, i) {
        mk(text, "tspan", {x: round(x), dy: i ? round(lh) : 0}, line);
      });
    });

    // the legend: the types and relations that are in the picture
    var legend = mk(svg, "g", {"font-size": 12, fill: "#1c1f23"});
    var lx = x0 + pad, ly = y0 + h - legendH + 18, seenT = {}, seenR = {};
    shown.nodes().forEach(function (n) { seenT[n.data("type")] = [n, n.data("type_label") || n.data("type")]; });
    shown.edges().forEach(function (e) { seenR[e.data("relation")] = [e, (e.data("label") || "").replace(/ \d+건$/, "")]; });
    Object.keys(seenT).sort().forEach(function (k) {
      mk(legend, "circle", {cx: round(lx + 6), cy: round(ly - 4), r: 6, fill: o.nodeColor(seenT[k][0])});
      mk(legend, "text", {x: round(lx + 16), y: round(ly)}, seenT[k][1]);
      lx += 28 + seenT[k][1].length * 12;
    });
    lx = x0 + pad; ly += 24;
    Object.keys(seenR).sort().forEach(function (k) {
      mk(legend, "line", {x1: round(lx), y1: round(ly - 4), x2: round(lx + 24), y2: round(ly - 4), stroke: o.edgeColor(seenR[k][0]),
        "stroke-width": 3, "stroke-dasharray": k === "comention" ? "6 4" : null});
      mk(legend, "text", {x: round(lx + 30), y: round(ly)}, seenR[k][1]);
      lx += 42 + seenR[k][1].length * 12;
    });
    mk(legend, "text", {x: round(lx + 10), y: round(ly), fill: "#5f6b7a"}, "선 굵기: 근거 문서 수");
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc);
  };
})();
