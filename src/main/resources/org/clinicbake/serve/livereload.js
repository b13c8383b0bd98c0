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
  // The script's query tells the server which build this page is: a rebuild that finished while
  // the page loaded is then a reload as soon as the stream connects.
  var source = document.currentScript ? document.currentScript.src : "";
  var query = source.indexOf("?") >= 0 ? source.substring(source.indexOf("?")) : "";
  var events = new EventSource("/__clinicbake/events" + query);
  events.addEventListener("reload", function () { window.location.reload(); });
  events.addEventListener("errors", function (event) { showErrors(JSON.parse(event.data).text); });
})();
