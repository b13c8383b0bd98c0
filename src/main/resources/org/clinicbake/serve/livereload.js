// ClinicBake preview: reloads the page when the site is rebuilt and shows build errors over it.
// Added by `clinicbake serve` to the pages it serves; never part of a baked site.
(function () {
  "use strict";
  var overlay = null;
  function showErrors(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.setAttribute("role", "alert");
      overlay.id = "clinicbake-errors";
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
        "background:rgba(20,20,30,0.94);color:#fff;font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "ClinicBake could not rebuild the site. Fix the file and save: this page reloads by itself.\n\n" + text;
  }
  // The warnings about this page's article (a reading grade above the aim, a link to a draft):
  // they do not stop the rebuild, so without this box an editor working in the browser never saw them.
  function showNotes(text) {
    var box = document.createElement("div");
    box.setAttribute("role", "status");
    box.id = "clinicbake-notes";
    box.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483646;max-width:min(40rem,90vw);" +
      "max-height:40vh;overflow:auto;padding:1rem 2.5rem 1rem 1rem;background:#fff8e1;color:#3e2a00;" +
      "border:2px solid #b27b00;border-radius:6px;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap";
    box.textContent = "Warnings about this page (they do not stop a bake):\n\n" + text;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", "Hide the warnings");
    close.style.cssText = "position:absolute;top:0.25rem;right:0.5rem;border:0;background:none;font-size:1.5rem;cursor:pointer";
    close.addEventListener("click", function () { box.remove(); });
    box.appendChild(close);
    document.body.appendChild(box);
  }
  var notes = document.currentScript ? document.currentScript.getAttribute("data-notes") : null;
  if (notes) {
    showNotes(notes);
  }
  // The script's query tells the server which build this page is: a rebuild that finished while
  // the page loaded is then a reload as soon as the stream connects.
  var source = document.currentScript ? document.currentScript.src : "";
  var query = source.indexOf("?") >= 0 ? source.substring(source.indexOf("?")) : "";
  var events = new EventSource("/__clinicbake/events" + query);
  events.addEventListener("reload", function () { window.location.reload(); });
  events.addEventListener("errors", function (event) { showErrors(JSON.parse(event.data).text); });
})();
