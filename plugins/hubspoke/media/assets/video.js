/* Hubspoke click-to-load video players. Before the reader presses play, the page makes no
   request to the video platform: the privacy-enhanced player address waits in the
   data-hs-video-src attribute, and only the click puts an iframe in the page. */
(function () {
  "use strict";
  var HOSTS = ["www.youtube-nocookie.com", "player.vimeo.com"];

  function load(frame) {
    var url;
    try {
      url = new URL(frame.getAttribute("data-hs-video-src"));
    } catch (error) {
      return;
    }
    if (url.protocol !== "https:" || HOSTS.indexOf(url.hostname) < 0) return;
    var iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = frame.getAttribute("data-hs-video-title") || "Video";
    iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    iframe.allowFullscreen = true;
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    iframe.width = "1280";
    iframe.height = "720";
    while (frame.firstChild) frame.removeChild(frame.firstChild);
    frame.appendChild(iframe);
    frame.classList.add("hs-video__frame--playing");
    iframe.focus();
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest) return;
    // The button, or the poster beside it (a larger target for a pointer).
    var frame = event.target.closest(".hs-video__play, [data-hs-video-src] > img, [data-hs-video-src] > picture");
    frame = frame ? frame.closest("[data-hs-video-src]") : null;
    if (!frame) return;
    event.preventDefault();
    load(frame);
  });
})();
