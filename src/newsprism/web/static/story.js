// Light up every sentence that reports the same fact, and line the columns up on a click.
// Progressive: the page reads the same without it.
(function () {
  "use strict";
  var lit = [];

  function sameFact(el) {
    var keys = (el.getAttribute("data-fact") || "").split(" ").filter(Boolean);
    if (!keys.length) { return []; }
    var selector = keys.map(function (key) { return '[data-fact~="' + key + '"]'; }).join(",");
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function unlight() {
    lit.forEach(function (el) { el.classList.remove("lit"); });
    lit = [];
  }

  document.addEventListener("mouseover", function (event) {
    var el = event.target.closest && event.target.closest("[data-fact]");
    unlight();
    if (el) {
      lit = sameFact(el);
      lit.forEach(function (other) { other.classList.add("lit"); });
    }
  });

  document.addEventListener("click", function (event) {
    var el = event.target.closest && event.target.closest(".s[data-fact]");
    if (!el || event.target.closest("a")) { return; }
    var top = el.getBoundingClientRect().top;
    var aligned = [el.parentNode];
    sameFact(el).forEach(function (other) {
      var column = other.parentNode;
      if (!other.classList.contains("s") || aligned.indexOf(column) >= 0) { return; }
      aligned.push(column);
      column.scrollTop += other.getBoundingClientRect().top - top;
    });
  });
})();
