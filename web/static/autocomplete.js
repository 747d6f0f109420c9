/* Entity autocomplete over /api/lookup for <input data-autocomplete="jump|fill">.
 * "jump" goes to the chosen entity's page; "fill" puts its name in the box (the path
 * form). ARIA combobox pattern: arrow keys move, Enter chooses, Escape closes. Without
 * this script the inputs are plain search boxes in working forms. */
(function () {
  "use strict";
  var counter = 0;
  var TYPES = {MINISTRY: "정부기관", COMPANY: "기업", ORGANIZATION: "기관·단체", PERSON: "인물",
    INITIATIVE: "정책·사업", EVENT: "행사·회의", LOCATION: "장소"};
  var brand = document.querySelector("a.brand");  // the app root (it may run under a prefix)
  var root = brand ? brand.getAttribute("href").replace(/\/$/, "") : "";

  function setup(input) {
    var mode = input.getAttribute("data-autocomplete") || "jump";
    var id = "ac-list-" + (++counter);
    var wrap = document.createElement("span");
    wrap.className = "ac-wrap";
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var list = document.createElement("ul");
    list.id = id;
    list.className = "ac-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "개체 제안");
    list.hidden = true;
    wrap.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    var items = [], active = -1, timer = null, seq = 0;

    function cancel() {  // a pending or late answer must not reopen the list
      clearTimeout(timer);
      seq++;
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function highlight(i) {
      var opts = list.querySelectorAll("[role=option]");
      opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === i ? "true" : "false"); });
      active = i;
      if (i >= 0 && opts[i]) {
        input.setAttribute("aria-activedescendant", opts[i].id);
        opts[i].scrollIntoView({block: "nearest"});
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function choose(i) {
      var r = items[i];
      if (!r) return;
      if (mode === "jump" && r.page) {
        window.location.href = r.page;
        return;
      }
      input.value = r.label;
      close();
      input.dispatchEvent(new Event("change", {bubbles: true}));
    }
    function render(results) {
      items = results;
      list.innerHTML = "";
      if (!results.length) { close(); return; }
      results.forEach(function (r, k) {
        var li = document.createElement("li");
        li.id = id + "-" + k;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "ac-item ent-" + String(r.type || "").toLowerCase();
        li.dataset.page = r.page || "";
        var name = document.createElement("span");
        name.className = "ac-name";
        name.textContent = r.label;
        var meta = document.createElement("small");
        meta.textContent = (TYPES[r.type] || r.type || "") + " · 문서 " + r.documents + "건";
        li.appendChild(name);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(meta);
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(k); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }
    function lookup() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      var mine = ++seq;
      fetch(root + "/api/lookup?limit=8&q=" + encodeURIComponent(q), {headers: {Accept: "application/json"}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (results) { if (mine === seq) render(results || []); })
        .catch(function () { close(); });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, 120);
    });
    input.addEventListener("keydown", function (ev) {
      if (list.hidden) {
        if (ev.key === "ArrowDown" && input.value.trim()) { lookup(); ev.preventDefault(); }
        return;
      }
      if (ev.key === "ArrowDown") { highlight(Math.min(items.length - 1, active + 1)); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { highlight(Math.max(-1, active - 1)); ev.preventDefault(); }
      else if (ev.key === "Enter" && active >= 0) { choose(active); ev.preventDefault(); }
      else if (ev.key === "Escape") { cancel(); close(); ev.preventDefault(); }
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" || (ev.key === "Enter" && active < 0)) cancel();
    }, true);
    input.addEventListener("blur", function () { cancel(); setTimeout(close, 150); });
    if (input.form) input.form.addEventListener("submit", function () { cancel(); close(); });
  }

  document.querySelectorAll("input[data-autocomplete]").forEach(setup);
})();
