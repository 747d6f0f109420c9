/* The /query page: CodeMirror 6 in place of the text area (from /vendor/editor.js,
 * when it was built), and the result drawn as a graph when it has two IRI columns
 * (Cytoscape.js). Without either, the page is a text area and a table. */
(function () {
  "use strict";
  var ta = document.getElementById("query");
  if (ta && window.KGEditor) {
    var terms = ["kgo:announces", "kgo:participatesIn", "kgo:leads", "kgo:scheduledFor", "kgo:mentions",
      "kgo:predecessor", "kgo:postTitle", "kgo:entityType", "kgo:inSentence", "kgo:mentionOf", "kgo:mentionType", "kgo:text",
      "kgo:expression", "kgo:normalizedValue", "kgo:initiativeKind", "kgo:Document", "kgo:Initiative",
      "kgo:Company", "kgo:Person", "kgo:Ministry", "kgo:Meeting", "skos:prefLabel", "skos:altLabel",
      "dcterms:title", "dcterms:date", "dcterms:source", "time:hasBeginning", "time:hasEnd", "time:inXSDDate",
      "rdf:subject", "rdf:predicate", "rdf:object", "kgr:announces", "kgr:participatesIn", "kgr:leads"].map(function (t) { return {label: t, type: "property"}; });
    try {
      window.kgEditor = window.KGEditor.fromTextArea(ta, {terms: terms});
    } catch (e) {
      ta.hidden = false;  // the plain text area still works
    }
  }

  var box = document.getElementById("result-graph");
  if (!box || typeof window.cytoscape !== "function") return;
  // Cytoscape adds a <style> element for its container unless one with this id exists;
  // the CSP refuses inline styles, and the rule it holds (position: relative) is in style.css
  if (!document.getElementById("__________cytoscape_stylesheet")) {
    var mark = document.createElement("template"); mark.id = "__________cytoscape_stylesheet"; document.head.appendChild(mark);
  }
  var data;
  try { data = JSON.parse(box.getAttribute("data-graph")); } catch (e) { return; }
  var fig = box.closest("figure");
  if (fig) fig.hidden = false;
  var elements = data.nodes.map(function (n) {
    return {group: "nodes", data: {id: n.id, label: n.label, href: n.href, column: n.column}};
  }).concat(data.edges.map(function (e) {
    return {group: "edges", data: {id: e.id, source: e.source, target: e.target, label: e.label}};
  }));
  var cy = window.cytoscape({
    container: box, elements: elements, minZoom: 0.2, maxZoom: 3,
    style: [
      {selector: "node", style: {"label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "font-family": '"Noto Sans CJK KR", "Noto Sans KR", sans-serif', "width": 16, "height": 16,
        "text-wrap": "ellipsis", "text-max-width": 120,
        "background-color": function (n) { return n.data("column") === data.from_var ? "#2563eb" : "#d97706"; }}},
      {selector: "edge", style: {"width": 1.5, "line-color": "#94a3b8", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "target-arrow-color": "#94a3b8", "label": "data(label)", "font-size": 10}}
    ],
    layout: {name: "cose", animate: false, nodeDimensionsIncludeLabels: true}
  });
  cy.on("tap", "node", function (ev) {
    var href = ev.target.data("href");
    if (href) window.location.href = href;
  });
  window.kgResultGraph = cy;
})();
