/* Share on Mastodon: open the share dialog of the reader's own server.
   No third party is contacted; the server name is remembered in this browser only. */
(function () {
  "use strict";
  var form = document.getElementById("hs-mastodon-share");
  if (!form) return;
  var key = "hubspoke.mastodon.server";
  var params = new URLSearchParams(window.location.search);
  form.elements.text.value = params.get("text") || "";
  try {
    form.elements.instance.value = window.localStorage.getItem(key) || "";
  } catch (error) { /* storage may be disabled */ }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = form.elements.instance.value.trim();
    var handle = /^@?[^@\s\/]+@([^@\s\/]+)$/.exec(input);
    var server = handle ? handle[1] : input.replace(/^https?:\/\//i, "").replace(/\/.*$/, "");
    var message = document.getElementById("hs-mastodon-error");
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(server)) {
      // The text is the label catalogue's, in the page's language (share-mastodon.html).
      message.textContent = form.getAttribute("data-invalid") || "Enter a server name such as mastodon.social.";
      message.hidden = false;
      return;
    }
    try { window.localStorage.setItem(key, server); } catch (error) { /* ignore */ }
    window.location.href = "https://" + server + "/share?text=" +
      encodeURIComponent(form.elements.text.value);
  });
})();
