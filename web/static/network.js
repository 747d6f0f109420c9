/* The interactive network view (Cytoscape.js, served from /vendor/). Reads the page's
 * JSON twin (…/network.json, with this page's query: relations, expanded nodes), draws it, and:
 *   - tapping a node (or its 펼치기 button) fetches that node's own network.json and adds its neighbours;
 *   - tapping an edge shows the sentence(s) and document(s) it came from;
 *   - the relation checkboxes hide and show edges without reloading;
 *   - the expanded nodes and the relations shown are kept in the address (replaceState), so a
 *     copied URL reopens the same graph: the server adds the expanded neighbourhoods to the twin;
 *   - PNG (cytoscape's renderer, with the title and legend added) and SVG (network-svg.js) downloads.
 * The layout is a function of the graph alone (seed positions from the graph, cose without
 * randomness, elements in id order), so the same URL gives the same picture.
 * The tables below the graph hold the same data, for readers without JavaScript. */
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof window.cytoscape !== "function") return;
  // Cytoscape adds a <style> element for its container unless one with this id exists;
  // the CSP refuses inline styles, and the rule it holds (position: relative) is in style.css
  if (!document.getElementById("__________cytoscape_stylesheet")) {
    var mark = document.createElement("template"); mark.id = "__________cytoscape_stylesheet"; document.head.appendChild(mark);
  }
  var FONT = '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';
  var LABEL = 14, CENTER_LABEL = 16;  // label sizes at zoom 1 (CSS pixels)
  var READABLE = 0.8;                 // the default view never zooms out below this: labels stay ≥ 11.2 px
  var wrapFig = box.closest("figure");
  var info = document.getElementById("net-info");
  var infoBody = document.getElementById("net-info-body");
  var statusEl = document.getElementById("net-status");
  var form = document.getElementById("net-filter");
  var expanded = {};       // id → true (the centre included)
  var expandOrder = [];    // the expanded nodes' URL values (their /id/… paths), in the order they were opened
  var loadedRels = {};     // relations whose edges the loaded data holds (the others need a fetch when checked)
  var centerId = null;

  if (wrapFig) wrapFig.hidden = false;
  if (info) info.hidden = false;

  // colours come from the legend's CSS rules, so the picture and its legend cannot disagree
  function legendColors(sel, attr, prop) {
    var out = {};
    document.querySelectorAll(sel).forEach(function (s) { out[s.getAttribute(attr)] = getComputedStyle(s)[prop]; });
    return out;
  }
  var COLORS = legendColors("#net-legend .swatch[data-type]", "data-type", "backgroundColor");
  var EDGE_COLORS = legendColors("#net-legend .line[data-relation]", "data-relation", "borderTopColor");
  function nodeColor(n) { return COLORS[n.data("type")] || "#64748b"; }
  function edgeColor(e) { return EDGE_COLORS[e.data("relation")] || "#94a3b8"; }
  // edge width by the number of documents that state it: 1 → 1.5 px, 2 → 3.5, 4 → 5.5, 16 and more → 9;
  // co-mentions (documents that name both, no stated relation) thinner: 1 → 1 px, 16 and more → 4
  function edgeWidth(e) {
    var d = Math.log2(Math.max(1, e.data("documents") || 1));
    return e.data("relation") === "comention" ? Math.min(4, 1 + 0.75 * d) : Math.min(9, 1.5 + 2 * d);
  }

  var cy = window.cytoscape({
    container: box,
    minZoom: 0.15,
    maxZoom: 3,
    style: [
      {selector: "node", style: {
        "label": "data(label)", "font-family": FONT, "font-size": LABEL,
        "text-valign": function (n) { var s = n.data("side"); return s === "top" ? "top" : s === "left" || s === "right" ? "center" : "bottom"; },
        "text-halign": function (n) { var s = n.data("side"); return s === "left" || s === "right" ? s : "center"; },
        "text-margin-y": function (n) { var s = n.data("side"); return s === "top" ? -4 : s === "left" || s === "right" ? 0 : 4; },
        "text-margin-x": function (n) { var s = n.data("side"); return s === "left" ? -5 : s === "right" ? 5 : 0; },
        "text-justification": function (n) { var s = n.data("side"); return s === "left" ? "right" : s === "right" ? "left" : "center"; },
        "text-wrap": "wrap", "text-max-width": function (n) { var s = n.data("side"); return s === "left" || s === "right" ? 150 : 100; }, "width": 20, "height": 20, "min-zoomed-font-size": 8,
        "background-color": nodeColor, "border-width": 1.5, "border-color": "#fff", "color": "#1c1f23",
        "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2,
        "text-background-shape": "roundrectangle"}},
      {selector: "node.center", style: {"width": 32, "height": 32, "font-weight": "bold", "font-size": CENTER_LABEL}},
      {selector: "node.expanded", style: {"border-width": 3, "border-color": "#1c1f23"}},
      {selector: "node:selected", style: {"overlay-color": "#0b57d0", "overlay-opacity": 0.2}},
      {selector: "edge", style: {
        "width": edgeWidth, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8,
        "line-color": edgeColor, "target-arrow-color": edgeColor, "opacity": 0.85}},
      {selector: "edge[relation = 'comention']", style: {"line-style": "dashed", "target-arrow-shape": "none", "opacity": 0.6}},
      {selector: "edge:selected", style: {"line-color": "#0b57d0", "target-arrow-color": "#0b57d0", "opacity": 1}},
      {selector: ".filtered", style: {"display": "none"}}
    ]
  });

  function say(text) { if (statusEl) statusEl.textContent = text; }

  function add(data) {
    var added = 0;
    (data.nodes || []).forEach(function (n) {
      if (cy.getElementById(n.id).empty()) {
        cy.add({group: "nodes", data: {id: n.id, label: n.label, type: n.type, type_label: n.type_label,
          page: n.page, network: n.network}});
        added++;
        addRow(n);
      }
    });
    (data.edges || []).forEach(function (e) {
      if (cy.getElementById(e.id).empty() && !cy.getElementById(e.source).empty() && !cy.getElementById(e.target).empty()) {
        cy.add({group: "edges", data: {id: e.id, source: e.source, target: e.target, relation: e.relation,
          label: e.label, evidence: e.evidence || [], search: e.search, documents: e.documents}});
        addEdgeRow(e);
      }
    });
    ((data.filters || {}).rel || []).forEach(function (r) { loadedRels[r] = true; });
    return added;
  }

  // -- layout: a radial tree from the centre. Breadth-first from the centre, each node's
  // new neighbours are its children, ordered by type (the legend's order) and name, and
  // get a wedge of the circle as wide as their number of leaves; depth d lies on ring d.
  // Crowded rings alternate three radii so that neighbouring labels do not collide. The
  // picture is a function of the graph alone: the same URL always gives the same one.
  var TYPE_RANK = {};
  Object.keys(COLORS).forEach(function (t, i) { TYPE_RANK[t] = i; });
  function rank(n) { var r = TYPE_RANK[n.data("type")]; return r == null ? 99 : r; }
  function byTypeName(a, b) {
    return rank(a) - rank(b) || (a.data("label") < b.data("label") ? -1 : a.data("label") > b.data("label") ? 1 : 0)
      || (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0);
  }
  var SPACING = 50, RING = 190, STAGGER = 60;   // px along a ring per leaf, between rings, between the alternating radii
  function layout(focus) {
    var root = cy.getElementById(centerId);
    if (root.empty()) return;
    var kids = {}, depth = {}, seen = {}, queue = [root];
    seen[root.id()] = true; depth[root.id()] = 0;
    for (var q = 0; q < queue.length; q++) {
      var v = queue[q];
      kids[v.id()] = v.neighborhood().nodes().filter(function (m) { return !seen[m.id()]; }).sort(byTypeName).toArray();
      kids[v.id()].forEach(function (m) { seen[m.id()] = true; depth[m.id()] = depth[v.id()] + 1; queue.push(m); });
    }
    // nodes no path reaches (none, normally) hang from the centre
    cy.nodes().filter(function (n) { return !seen[n.id()]; }).sort(byTypeName).forEach(function (n) {
      kids[root.id()].push(n); depth[n.id()] = 1; kids[n.id()] = [];
    });
    var leaves = {};
    (function count(v) {
      leaves[v.id()] = kids[v.id()].reduce(function (sum, m) { return sum + count(m); }, 0) || 1;
      return leaves[v.id()];
    })(root);
    var r1 = Math.max(RING, SPACING * leaves[root.id()] / (2 * Math.PI)), crowded = 2 * Math.PI * r1 / leaves[root.id()] < 2 * SPACING;
    root.position({x: 0, y: 0});
    root.data("side", "bottom");
    (function place(v, a0, a1) {
      var list = kids[v.id()], a = a0, r = r1 + depth[v.id()] * (RING + (crowded ? 2 * STAGGER : 0));
      list.forEach(function (m, i) {
        var w = (a1 - a0) * leaves[m.id()] / leaves[v.id()], mid = a + w / 2;
        var rr = r + (crowded ? (i % 3) * STAGGER : 0);
        m.position({x: rr * Math.cos(mid), y: rr * Math.sin(mid)});
        // the label points outwards: beside nodes on the sides, above or below those at the top and bottom
        var c = Math.cos(mid);
        m.data("side", Math.abs(c) > 0.7 ? (c < 0 ? "left" : "right") : (Math.sin(mid) < 0 ? "top" : "bottom"));
        place(m, a, a + w);
        a += w;
      });
    })(root, -Math.PI / 2, 3 * Math.PI / 2);
    view(focus);
  }
  // the default view: everything when the labels stay readable, else readable around `focus`
  function view(focus) {
    var shown = cy.elements().not(".filtered");
    cy.fit(shown.length ? shown : undefined, 30);
    if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(shown); }
    if (cy.zoom() < READABLE) {
      cy.zoom(READABLE);
      cy.center(focus && !focus.empty() ? focus : cy.getElementById(centerId));
    }
  }

  // -- the address: expanded nodes and relations shown, and the download links that follow it
  function checkedRelations() {
    var out = {};
    if (form) form.querySelectorAll("input[name=rel]").forEach(function (c) { out[c.value] = c.checked; });
    return out;
  }
  function stateQuery(rels) {
    var p = new URLSearchParams(window.location.search), on = rels || checkedRelations(), keys = Object.keys(on);
    p.delete("rel"); p.delete("expand");
    if (keys.some(function (k) { return !on[k]; })) keys.forEach(function (k) { if (on[k]) p.append("rel", k); });
    expandOrder.forEach(function (x) { p.append("expand", x); });
    var s = p.toString();
    return s ? "?" + s : "";
  }
  function syncUrl() {
    var q = stateQuery(), base = window.location.pathname.replace(/\.(json|csv|graphml)$/, "");
    window.history.replaceState(window.history.state, "", base + q + window.location.hash);
    document.querySelectorAll("a[data-twin]").forEach(function (a) { a.href = base + "." + a.getAttribute("data-twin") + q; });
    if (form) {  // the filter form (a GET reload) keeps the expansion too
      form.querySelectorAll("input[name=expand]").forEach(function (i) { i.remove(); });
      var fs = form.querySelector("fieldset") || form;
      expandOrder.forEach(function (x) {
        var i = document.createElement("input"); i.type = "hidden"; i.name = "expand"; i.value = x; fs.appendChild(i);
      });
    }
  }
  // a node's own twin, asked with this page's filters and every loaded relation (hidden ones are filtered here)
  function expandQuery() {
    var p = new URLSearchParams(window.location.search);
    p.delete("rel"); p.delete("expand");
    Object.keys(loadedRels).forEach(function (k) { p.append("rel", k); });
    return "?" + p.toString();
  }

  function counts() {
    var values = {"nodes": cy.nodes().length, "edges": cy.edges().length,
      "visible-nodes": cy.nodes().not(".filtered").length, "visible-edges": cy.edges().not(".filtered").length};
    document.querySelectorAll("[data-count]").forEach(function (s) {
      var v = values[s.getAttribute("data-count")];
      if (v != null) s.textContent = v.toLocaleString("ko-KR");
    });
  }

  function expand(id) {
    var n = cy.getElementById(id);
    if (n.empty() || expanded[id] || !n.data("network")) return Promise.resolve(0);
    expanded[id] = true;
    n.addClass("expanded");
    say(n.data("label") + " 주변을 불러오는 중…");
    return fetch(n.data("network") + expandQuery(), {headers: {Accept: "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var k = add(data);
        expandOrder.push(n.data("page") || id);
        applyFilter();
        layout(n);
        syncUrl();
        counts();
        say(n.data("label") + " 주변에서 노드 " + k + "개를 더했습니다.");
        return k;
      })
      .catch(function () { expanded[id] = false; n.removeClass("expanded"); say("불러오지 못했습니다."); return 0; });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function link(href, text) { var a = el("a", text); a.href = href; return a; }
  function evidenceFigure(x) {
    var fig = el("figure", null, "evidence");
    if (x.sentence) fig.appendChild(el("blockquote", x.sentence.trim()));
    if (x.document) {
      var cap = el("figcaption", "— ");
      cap.appendChild(link(x.document_page || x.document, x.document_title || "문서"));
      if (x.document_date) cap.appendChild(document.createTextNode(" " + x.document_date));
      fig.appendChild(cap);
    }
    return fig;
  }

  function showNode(n) {
    infoBody.textContent = "";
    var h = el("h3"); h.appendChild(n.data("page") ? link(n.data("page"), n.data("label")) : el("span", n.data("label")));
    infoBody.appendChild(h);
    infoBody.appendChild(el("p", n.data("type_label") || n.data("type") || ""));
    var p = el("p");
    if (n.data("network")) p.appendChild(link(n.data("network").replace(/\.json$/, ""), "이 개체의 관계망"));
    infoBody.appendChild(p);
  }

  function showEdge(e) {
    infoBody.textContent = "";
    var s = cy.getElementById(e.data("source")), t = cy.getElementById(e.data("target"));
    infoBody.appendChild(el("h3", s.data("label") + " —" + e.data("label") + "→ " + t.data("label")));
    var ev = e.data("evidence") || [];
    if (e.data("relation") === "comention" && e.data("search")) {
      var p = el("p"); p.appendChild(link(e.data("search"), "함께 언급한 문서 " + e.data("documents") + "건 보기"));
      infoBody.appendChild(p);
    } else if (e.data("documents")) {
      infoBody.appendChild(el("p", "근거 문서 " + e.data("documents") + "건"));
    }
    ev.forEach(function (x) { infoBody.appendChild(evidenceFigure(x)); });
    if (!ev.length && e.data("relation") !== "comention") infoBody.appendChild(el("p", "근거 문장 없음 (기관 목록에서 온 관계)"));
  }

  function applyFilter() {
    var on = checkedRelations();
    cy.edges().forEach(function (e) { e.toggleClass("filtered", on[e.data("relation")] === false); });
    cy.nodes().forEach(function (n) {
      var visible = n.hasClass("center") || n.connectedEdges().filter(function (e) { return !e.hasClass("filtered"); }).length > 0;
      n.toggleClass("filtered", !visible);
    });
  }

  // nodes table: a keyboard-usable "expand" button per row, and rows for added nodes and edges
  var tbody = document.querySelector("#net-nodes tbody");
  var edgeBody = document.querySelector("#net-edges tbody");
  function addButton(row, id) {
    var cell = row.lastElementChild;
    if (!cell || cell.querySelector("button")) return;
    var b = el("button", "펼치기", "secondary small");
    b.type = "button";
    b.disabled = !!expanded[id];
    b.addEventListener("click", function () {
      var n = cy.getElementById(id);
      if (!n.empty()) { cy.$(":selected").unselect(); n.select(); showNode(n); }
      expand(id).then(function () { b.disabled = !!expanded[id]; });
    });
    cell.appendChild(document.createTextNode(" "));
    cell.appendChild(b);
  }
  function findRow(body, id) {
    return Array.prototype.find.call(body.children, function (tr) { return tr.dataset.id === id; });
  }
  function addRow(n) {
    if (!tbody || findRow(tbody, n.id)) return;
    var tr = el("tr"); tr.dataset.id = n.id;
    var th = el("th"); th.scope = "row";
    th.appendChild(n.page ? link(n.page, n.label) : el("span", n.label));
    tr.appendChild(th);
    tr.appendChild(el("td", n.type_label || n.type || ""));
    var td = el("td");
    if (n.network) td.appendChild(link(n.network.replace(/\.json$/, ""), "관계망"));
    tr.appendChild(td);
    tbody.appendChild(tr);
    addButton(tr, n.id);
  }
  function nodeLink(id) {
    var n = cy.getElementById(id);
    return n.data("page") ? link(n.data("page"), n.data("label")) : el("span", n.data("label"));
  }
  function addEdgeRow(e) {
    if (!edgeBody || findRow(edgeBody, e.id)) return;
    var tr = el("tr", null, "edge-" + e.relation); tr.dataset.id = e.id;
    var a = el("td"); a.appendChild(nodeLink(e.source)); tr.appendChild(a);
    var r = el("td"); r.appendChild(el("span", e.label, "rel rel-" + e.relation)); tr.appendChild(r);
    var b = el("td"); b.appendChild(nodeLink(e.target)); tr.appendChild(b);
    var ev = el("td");
    if (e.relation === "comention" && e.search) ev.appendChild(link(e.search, "함께 언급한 문서 " + e.documents + "건"));
    else (e.evidence || []).slice(0, 2).forEach(function (x) { ev.appendChild(evidenceFigure(x)); });
    tr.appendChild(ev);
    edgeBody.appendChild(tr);
  }

  cy.on("tap", "node", function (ev) { showNode(ev.target); expand(ev.target.id()); });
  cy.on("tap", "edge", function (ev) { showEdge(ev.target); });
  if (form) {
    form.addEventListener("change", function (ev) {
      if (ev.target.name !== "rel") return;
      syncUrl();
      if (ev.target.checked && !loadedRels[ev.target.value]) { reload(); return; }
      applyFilter();
      counts();
    });
  }
  var fit = document.getElementById("net-fit");
  if (fit) fit.addEventListener("click", function () { cy.fit(cy.elements().not(".filtered"), 20); });

  // -- downloads
  function fileName(ext) {
    var h1 = document.querySelector("h1");
    return ((h1 && h1.textContent.trim()) || "관계망").replace(/[\\/:*?"<>|\s]+/g, "_") + "." + ext;
  }
  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = name; a.hidden = true;
    document.body.appendChild(a); a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 5000);
  }
  var EXPORT = {bg: "#ffffff", full: true, scale: 2, maxWidth: 6000, maxHeight: 6000};
  function png() { return cy.png(Object.assign({output: "blob"}, EXPORT)); }
  // the picture as cytoscape draws it, with the page's title above and the legend below (what
  // is in the picture only): a graphic that can go into an article as it is
  function pngWithLegend() {
    return new Promise(function (resolve) {
      var img = new Image();
      img.onload = function () {
        var k = EXPORT.scale, pad = 16 * k, top = 30 * k, bottom = 52 * k, c = document.createElement("canvas");
        c.width = Math.max(img.width, 640 * k) + 2 * pad; c.height = img.height + top + bottom + pad;
        var g = c.getContext("2d");
        g.fillStyle = "#ffffff"; g.fillRect(0, 0, c.width, c.height);
        g.fillStyle = "#1c1f23"; g.font = "bold " + 16 * k + "px " + FONT; g.textBaseline = "middle";
        g.fillText(((document.querySelector("h1") || {}).textContent || "").trim(), pad, pad + 8 * k);
        g.drawImage(img, pad, pad + top);
        g.font = 12 * k + "px " + FONT;
        var shown = cy.elements().not(".filtered"), x = pad, y = pad + top + img.height + 14 * k;
        document.querySelectorAll("#net-legend .swatch[data-type]").forEach(function (sw) {
          if (shown.nodes('[type = "' + sw.getAttribute("data-type") + '"]').empty()) return;
          g.fillStyle = COLORS[sw.getAttribute("data-type")]; g.beginPath(); g.arc(x + 6 * k, y, 6 * k, 0, 2 * Math.PI); g.fill();
          g.fillStyle = "#1c1f23"; g.fillText(sw.parentNode.textContent.trim(), x + 16 * k, y);
          x += 28 * k + g.measureText(sw.parentNode.textContent.trim()).width;
        });
        x = pad; y += 22 * k;
        document.querySelectorAll("#net-legend .line[data-relation]").forEach(function (ln) {
          var rel = ln.getAttribute("data-relation"), label = ln.parentNode.textContent.trim();
          if (shown.edges('[relation = "' + rel + '"]').empty()) return;
          g.strokeStyle = EDGE_COLORS[rel]; g.lineWidth = 3 * k; g.setLineDash(rel === "comention" ? [6 * k, 4 * k] : []);
          g.beginPath(); g.moveTo(x, y); g.lineTo(x + 24 * k, y); g.stroke();
          g.fillStyle = "#1c1f23"; g.fillText(label, x + 30 * k, y);
          x += 42 * k + g.measureText(label).width;
        });
        g.fillStyle = "#5f6b7a"; g.fillText("선 굵기: 근거 문서 수", x + 8 * k, y);
        c.toBlob(resolve, "image/png");
      };
      img.src = cy.png(Object.assign({output: "base64uri"}, EXPORT));  // a data: address, which the CSP allows
    });
  }
  var pngButton = document.getElementById("net-png"), svgButton = document.getElementById("net-svg");
  if (pngButton) pngButton.addEventListener("click", function () {
    pngWithLegend().then(function (blob) { save(blob, fileName("png")); });
  });
  if (svgButton && window.kgNetworkSvg) {
    svgButton.addEventListener("click", function () {
      save(new Blob([window.kgNetworkSvg(cy, {nodeColor: nodeColor, edgeColor: edgeColor, edgeWidth: edgeWidth,
        font: FONT, title: (document.querySelector("h1") || {}).textContent || ""})], {type: "image/svg+xml"}), fileName("svg"));
    });
  } else if (svgButton) {
    svgButton.hidden = true;
  }

  function load(url) {
    return fetch(url, {headers: {Accept: "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        add(data);
        centerId = data.center;
        cy.getElementById(data.center).addClass("center");
        expanded[data.center] = true;
        (data.expanded || []).forEach(function (id) { expanded[id] = true; cy.getElementById(id).addClass("expanded"); });
        expandOrder = ((data.filters || {}).expand || []).slice();
        return data;
      });
  }
  function reload() {
    say("불러오는 중…");
    var base = window.location.pathname.replace(/\.(json|csv|graphml)$/, "");
    return load(base + ".json" + stateQuery()).then(function () {
      applyFilter(); layout(); syncUrl(); counts(); say("");
    }).catch(function () { say("불러오지 못했습니다."); });
  }

  window.kgNetwork = {cy: cy, expand: expand, png: png, layout: layout};
  say("불러오는 중…");
  load(box.getAttribute("data-src"))
    .then(function () {
      if (tbody) tbody.querySelectorAll("tr[data-id]").forEach(function (tr) {
        if (tr.dataset.id !== centerId) addButton(tr, tr.dataset.id);
      });
      applyFilter();
      layout();
      syncUrl();
      counts();
      say("노드를 누르면 이웃을 더 불러옵니다.");
      box.setAttribute("data-ready", "true");
    })
    .catch(function () { say("그래프를 불러오지 못했습니다. 아래 표를 보세요."); });
})();
