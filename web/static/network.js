/* The interactive network view (Cytoscape.js, served from /vendor/). Reads the page's
 * JSON twin (…/network.json), draws it, and:
 *   - tapping a node fetches that node's own network.json and adds its neighbours;
 *   - tapping an edge shows the sentence(s) and document(s) it came from;
 *   - the relation checkboxes hide and show edges without reloading.
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
  var COLORS = {MINISTRY: "#2563eb", COMPANY: "#16a34a", ORGANIZATION: "#7c3aed", PERSON: "#e11d48",
    INITIATIVE: "#d97706", EVENT: "#ea580c", LOCATION: "#0d9488"};
  var EDGE_COLORS = {announces: "#2563eb", participatesIn: "#16a34a", leads: "#e11d48", predecessor: "#6b7280",
    comention: "#cbd5e1"};
  var FONT = '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';
  var wrapFig = box.closest("figure");
  var info = document.getElementById("net-info");
  var infoBody = document.getElementById("net-info-body");
  var statusEl = document.getElementById("net-status");
  var form = document.getElementById("net-filter");
  var expanded = {};

  if (wrapFig) wrapFig.hidden = false;
  if (info) info.hidden = false;

  var cy = window.cytoscape({
    container: box,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {selector: "node", style: {
        "label": "data(label)", "font-family": FONT, "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "text-wrap": "ellipsis", "text-max-width": 110, "width": 18, "height": 18,
        "background-color": function (n) { return COLORS[n.data("type")] || "#64748b"; },
        "border-width": 1, "border-color": "#fff", "color": "#1c1f23",
        "text-background-color": "#fff", "text-background-opacity": 0.75, "text-background-padding": 1}},
      {selector: "node.center", style: {"width": 30, "height": 30, "font-weight": "bold", "font-size": 13}},
      {selector: "node.expanded", style: {"border-width": 3, "border-color": "#1c1f23"}},
      {selector: "node:selected", style: {"overlay-color": "#0b57d0", "overlay-opacity": 0.2}},
      {selector: "edge", style: {
        "width": 2, "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8,
        "line-color": function (e) { return EDGE_COLORS[e.data("relation")] || "#94a3b8"; },
        "target-arrow-color": function (e) { return EDGE_COLORS[e.data("relation")] || "#94a3b8"; }}},
      {selector: "edge[relation = 'comention']", style: {"line-style": "dashed", "target-arrow-shape": "none", "width": 1.5}},
      {selector: "edge:selected", style: {"width": 4, "line-color": "#0b57d0", "target-arrow-color": "#0b57d0"}},
      {selector: ".filtered", style: {"display": "none"}}
    ]
  });
  window.kgNetwork = {cy: cy, expand: expand};

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
      }
    });
    return added;
  }

  function layout() {
    cy.layout({name: "cose", animate: false, nodeDimensionsIncludeLabels: true, randomize: false,
      idealEdgeLength: function () { return 90; }, nodeRepulsion: function () { return 9000; }}).run();
  }

  function query() {
    // the filters of this page travel with each expansion (same relations, same co-mention count)
    return window.location.search || "";
  }

  function expand(id) {
    var n = cy.getElementById(id);
    if (n.empty() || expanded[id] || !n.data("network")) return Promise.resolve(0);
    expanded[id] = true;
    n.addClass("expanded");
    say(n.data("label") + " 주변을 불러오는 중…");
    return fetch(n.data("network") + query(), {headers: {Accept: "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        var k = add(data);
        applyFilter();
        layout();
        say(n.data("label") + " 주변에서 노드 " + k + "개를 더했습니다. 모두 " + cy.nodes().length + "개.");
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

  function showNode(n) {
    infoBody.innerHTML = "";
    var h = el("h3"); h.appendChild(n.data("page") ? link(n.data("page"), n.data("label")) : el("span", n.data("label")));
    infoBody.appendChild(h);
    infoBody.appendChild(el("p", n.data("type_label") || n.data("type") || ""));
    var p = el("p");
    if (n.data("network")) p.appendChild(link(n.data("network").replace(/\.json$/, ""), "이 개체의 관계망"));
    infoBody.appendChild(p);
  }

  function showEdge(e) {
    infoBody.innerHTML = "";
    var s = cy.getElementById(e.data("source")), t = cy.getElementById(e.data("target"));
    infoBody.appendChild(el("h3", s.data("label") + " —" + e.data("label") + "→ " + t.data("label")));
    var ev = e.data("evidence") || [];
    if (e.data("relation") === "comention" && e.data("search")) {
      var p = el("p"); p.appendChild(link(e.data("search"), "함께 언급한 문서 " + e.data("documents") + "건 보기"));
      infoBody.appendChild(p);
    }
    ev.forEach(function (x) {
      var fig = el("figure", null, "evidence");
      if (x.sentence) fig.appendChild(el("blockquote", x.sentence.trim()));
      if (x.document) {
        var cap = el("figcaption", "— ");
        cap.appendChild(link(x.document_page || x.document, x.document_title || "문서"));
        if (x.document_date) cap.appendChild(document.createTextNode(" " + x.document_date));
        fig.appendChild(cap);
      }
      infoBody.appendChild(fig);
    });
    if (!ev.length && e.data("relation") !== "comention") infoBody.appendChild(el("p", "근거 문장 없음 (기관 목록에서 온 관계)"));
  }

  function checkedRelations() {
    var out = {};
    if (!form) return null;
    form.querySelectorAll("input[name=rel]").forEach(function (c) { out[c.value] = c.checked; });
    return out;
  }

  function applyFilter() {
    var on = checkedRelations();
    if (!on) return;
    cy.edges().forEach(function (e) { e.toggleClass("filtered", on[e.data("relation")] === false); });
    cy.nodes().forEach(function (n) {
      var visible = n.hasClass("center") || n.connectedEdges().filter(function (e) { return !e.hasClass("filtered"); }).length > 0;
      n.toggleClass("filtered", !visible);
    });
  }

  // nodes table: a keyboard-usable "expand" button per row, and rows for added nodes
  var tbody = document.querySelector("#net-nodes tbody");
  function addButton(row, id) {
    var cell = row.lastElementChild;
    if (!cell || cell.querySelector("button")) return;
    var b = el("button", "펼치기", "secondary small");
    b.type = "button";
    b.addEventListener("click", function () {
      var n = cy.getElementById(id);
      if (!n.empty()) { cy.$(":selected").unselect(); n.select(); showNode(n); }
      expand(id).then(function () { b.disabled = true; });
    });
    cell.appendChild(document.createTextNode(" "));
    cell.appendChild(b);
  }
  function addRow(n) {
    if (!tbody || tbody.querySelector('tr[data-id="' + CSS.escape(n.id) + '"]')) return;
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

  cy.on("tap", "node", function (ev) { showNode(ev.target); expand(ev.target.id()); });
  cy.on("tap", "edge", function (ev) { showEdge(ev.target); });
  if (form) {
    form.addEventListener("change", function (ev) { if (ev.target.name === "rel") applyFilter(); });
  }
  var fit = document.getElementById("net-fit");
  if (fit) fit.addEventListener("click", function () { cy.fit(undefined, 20); });

  say("불러오는 중…");
  fetch(box.getAttribute("data-src"), {headers: {Accept: "application/json"}})
    .then(function (r) { return r.json(); })
    .then(function (data) {
      add(data);
      var c = cy.getElementById(data.center);
      c.addClass("center");
      expanded[data.center] = true;
      if (tbody) tbody.querySelectorAll("tr[data-id]").forEach(function (tr) {
        if (tr.dataset.id !== data.center) addButton(tr, tr.dataset.id);
      });
      applyFilter();
      layout();
      say("노드 " + cy.nodes().length + "개, 연결 " + cy.edges().length + "개. 노드를 누르면 이웃을 더 불러옵니다.");
      box.setAttribute("data-ready", "true");
    })
    .catch(function () { say("그래프를 불러오지 못했습니다. 아래 표를 보세요."); });
})();
