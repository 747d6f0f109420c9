// "인용 복사" on evidence sentences: copies the citation the server wrote into data-cite
// (web/cite.py: publisher, 「title」, date, address: "sentence"). The buttons stay hidden
// without this script, so a page without JavaScript shows no button that does nothing.
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function done(button, ok) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = ok ? "복사됨" : "복사 못 함";
    button.classList.toggle("copied", ok);
    window.setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 2000);
  }

  function copy(button) {
    var text = button.getAttribute("data-cite") || "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(button, true); },
        function () { done(button, fallbackCopy(text)); });
    } else {
      done(button, fallbackCopy(text));
    }
  }

  function init() {
    var buttons = document.querySelectorAll("button.cite[data-cite]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (ev) { copy(ev.currentTarget); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
