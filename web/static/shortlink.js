/* The "짧은 링크" button (/query, /search): makes the link without leaving the page,
 * shows the full address and copies it. Without JavaScript the form posts and a page
 * shows the link. */
(function () {
  "use strict";
  document.querySelectorAll("form.shortlink").forEach(function (form) {
    var out = form.querySelector(".shortlink-out");
    form.addEventListener("submit", function (ev) {
      if (!window.fetch || !out) return;
      ev.preventDefault();
      var body = new URLSearchParams();
      body.set("url", window.location.pathname + window.location.search);
      fetch(form.action, {method: "POST", body: body, headers: {"Accept": "application/json"}})
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          var url = window.location.origin + data.path;
          out.textContent = "";
          var a = document.createElement("a");
          a.href = data.path; a.textContent = url; a.className = "shortlink-url";
          out.appendChild(a);
          out.hidden = false;
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(url).then(function () {
              out.appendChild(document.createTextNode(" (복사했습니다)"));
            }, function () {});
          }
        })
        .catch(function () { form.submit(); });
    });
  });
})();
