// Live reload for `mkdocs serve` on a site with Hubspoke's Content-Security-Policy.
// MkDocs' own reload script is written inline into each served page, and the policy allows
// no inline script it has not hashed, so the browser refuses it (a console error under
// serve only). This file comes from the site itself, which the policy allows. It asks the
// server's reload endpoint for the current build (an epoch of 0 is answered at once), then
// waits on it until a newer build exists, and reloads the page.
(function () {
  "use strict";
  var known = null;
  var request = null;
  var timer = null;

  function poll() {
    if (request !== null) return;
    request = new XMLHttpRequest();
    request.onloadend = function () {
      var answer = parseFloat(this.responseText);
      var ok = this.status === 200 && !isNaN(answer);
      request = null;
      if (ok && known !== null && answer > known) {
        location.reload();
        return;
      }
      if (ok && known === null) known = answer;
      timer = setTimeout(poll, ok ? 0 : 3000);
    };
    request.open("GET", "/livereload/" + (known === null ? 0 : known) + "/" + Date.now());
    request.send();
  }

  function stop() {
    if (request !== null) request.abort();
    if (timer !== null) clearTimeout(timer);
    request = timer = null;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll();
    else stop();
  });
  window.addEventListener("beforeunload", stop);
  if (document.visibilityState === "visible") poll();
})();
