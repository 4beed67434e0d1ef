/* inpublic: loads giscus (https://giscus.app) into a page's comments only when the reader nears them or opens
   them, never on page load; its theme follows the page's colour scheme (Material's data-md-color-scheme:
   "slate" is dark), now and when the reader switches it. No library: a few lines of plain JavaScript. */
(function () {
  "use strict";
  var CLIENT = "https://giscus.app/client.js";
  var ORIGIN = "https://giscus.app";

  function theme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  function load(holder) {
    if (holder.getAttribute("data-loaded") === "1") return;
    holder.setAttribute("data-loaded", "1");
    var button = holder.querySelector(".inpublic-giscus__open");
    if (button) button.remove();
    var frame = document.createElement("div");
    frame.className = "giscus";  /* where giscus's client puts its iframe */
    holder.appendChild(frame);
    var script = document.createElement("script");
    for (var i = 0; i < holder.attributes.length; i++) {
      var attribute = holder.attributes[i];
      if (attribute.name.indexOf("data-") === 0 && attribute.name !== "data-loaded") {
        script.setAttribute(attribute.name, attribute.value);
      }
    }
    script.setAttribute("data-theme", theme());
    script.setAttribute("data-loading", "lazy");
    script.crossOrigin = "anonymous";
    script.async = true;
    script.src = CLIENT;
    holder.appendChild(script);
  }

  function setup() {
    var holders = document.querySelectorAll(".inpublic-giscus:not([data-ready])");
    Array.prototype.forEach.call(holders, function (holder) {
      holder.setAttribute("data-ready", "1");
      var button = holder.querySelector(".inpublic-giscus__open");
      if (button) {
        button.hidden = false;
        button.addEventListener("click", function () { load(holder); });
      }
      if ("IntersectionObserver" in window) {
        var observer = new IntersectionObserver(function (entries) {
          if (entries.some(function (entry) { return entry.isIntersecting; })) {
            observer.disconnect();
            load(holder);
          }
        }, { rootMargin: "200px 0px" });
        observer.observe(holder);
      }
    });
  }

  /* the reader switches the palette: giscus's iframe is told the new theme */
  new MutationObserver(function () {
    var frames = document.querySelectorAll("iframe.giscus-frame");
    Array.prototype.forEach.call(frames, function (frame) {
      frame.contentWindow.postMessage({ giscus: { setConfig: { theme: theme() } } }, ORIGIN);
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  /* Material's instant navigation swaps the page without loading this script again: document$ says when */
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
