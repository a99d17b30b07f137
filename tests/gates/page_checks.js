// Every in-page check of the browser walk, in one call, so that each page view costs one
// round trip: page.evaluate(source, options) returns {check: [finding, ...], ...}.
// axe-core is already on the page (an init script of the context puts it on every page).
async ({ minFontPx, ratioTolerance, ownStylesheets, runAxe }) => {
  const found = { overflow: [], images: [], text: [], stylesheets: [], axe: [] };
  const styleOf = new Map();
  const style = (el) => {
    if (!styleOf.has(el)) styleOf.set(el, getComputedStyle(el));
    return styleOf.get(el);
  };
  const name = (el) => {
    let text = el.localName;
    if (el.id) text += `#${el.id}`;
    const classes = typeof el.className === "string" ? el.className.trim() : "";
    if (classes) text += "." + classes.split(/\s+/).slice(0, 3).join(".");
    return text;
  };
  const where = (el) => {
    const parts = [];
    for (let at = el; at && at !== document.body && parts.length < 3; at = at.parentElement) {
      parts.unshift(name(at));
    }
    return parts.join(" > ");
  };

  // Lazy pictures below the fold are loaded now: their ratio is judged too.
  const images = [...document.images];
  for (const img of images) if (img.loading === "lazy") img.loading = "eager";
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  await document.fonts.ready;

  // -- no page wider than the window
  const viewport = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > viewport) {
    // Name the elements where the overflow starts: they stick out, their parent does not.
    const sticksOut = (el) => el.getBoundingClientRect().right > viewport + 0.5;
    const origins = [...document.body.querySelectorAll("*")]
      .filter((el) => sticksOut(el) && el.parentElement && !sticksOut(el.parentElement))
      .slice(0, 4)
      .map((el) => `${where(el)} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
    found.overflow.push(`${scrollWidth} px wide in ${viewport}: ${origins.join("; ") || "?"}`);
  }

  // -- hidden the way screen-reader-only text is (clipped to nothing, or 1 px in a box)
  const hiddenOf = new Map();
  const clippedAway = (el) => {
    if (!el || el === document.body) return false;
    if (!hiddenOf.has(el)) {
      const s = style(el);
      const absolute = s.position === "absolute" || s.position === "fixed";
      const tiny = el.offsetWidth <= 1 || el.offsetHeight <= 1;
      const hidden =
        (absolute && s.clip !== "auto" && tiny) ||
        /inset\((50|100)%\)/.test(s.clipPath) ||
        (tiny && s.overflow !== "visible" && el.localName !== "svg") ||
        clippedAway(el.parentElement);
      hiddenOf.set(el, hidden);
    }
    return hiddenOf.get(el);
  };
  const shown = (el) =>
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !clippedAway(el);

  // -- pictures keep their shape
  const contentBox = (el) => {
    const s = style(el);
    const box = el.getBoundingClientRect();
    const px = (v) => parseFloat(v) || 0;
    return {
      width: box.width - px(s.paddingLeft) - px(s.paddingRight) - px(s.borderLeftWidth) - px(s.borderRightWidth),
      height: box.height - px(s.paddingTop) - px(s.paddingBottom) - px(s.borderTopWidth) - px(s.borderBottomWidth),
    };
  };
  const judgeRatio = (el, img, what) => {
    const box = contentBox(el);
    if (box.width < 1 || box.height < 1) return;
    const natural = img.naturalWidth / img.naturalHeight;
    const rendered = box.width / box.height;
    const off = Math.abs(rendered / natural - 1);
    if (off > ratioTolerance) {
      found.images.push(
        `${what} ${where(el)} src=${img.currentSrc.split("/").pop()}: ` +
          `${img.naturalWidth}x${img.naturalHeight} shown as ` +
          `${box.width.toFixed(1)}x${box.height.toFixed(1)} (${(off * 100).toFixed(1)}% off)`,
      );
    }
  };
  for (const img of images) {
    if (!shown(img)) continue;
    const box = img.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    if (!img.complete || img.naturalWidth === 0 || img.naturalHeight === 0) {
      found.images.push(`img ${where(img)} src=${img.getAttribute("src")}: did not load`);
      continue;
    }
    // object-fit other than fill crops or letterboxes: the picture keeps its shape anyway,
    // and a <picture> box around such an image is only its frame.
    if (style(img).objectFit !== "fill") continue;
    judgeRatio(img, img, "img");
    const picture = img.parentElement;
    if (picture && picture.localName === "picture") {
      const display = style(picture).display;
      if (display !== "inline" && display !== "contents") judgeRatio(picture, img, "picture");
    }
  }

  // -- no visible text smaller than minFontPx
  const small = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const skip = new Set(["script", "style", "noscript", "template", "title"]);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.trim();
    const el = node.parentElement;
    if (!text || !el || skip.has(el.localName) || small.has(el)) continue;
    if (!shown(el)) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.right <= 0) continue; // not laid out, or off-canvas
    let size = parseFloat(style(el).fontSize);
    if (el instanceof SVGElement) {
      // SVG text is drawn at its font size times the drawing's scale on screen.
      const m = el.getScreenCTM();
      if (m) size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    }
    if (size < minFontPx - 0.01) small.set(el, `${where(el)} ${size.toFixed(1)}px "${text.slice(0, 40)}"`);
  }
  found.text.push(...small.values());

  // -- at most one stylesheet of Hubspoke's
  const sheets = [...document.querySelectorAll('link[rel~="stylesheet"]')]
    .map((link) => link.getAttribute("href") || "")
    .filter((href) => href.includes(ownStylesheets));
  if (sheets.length > 1) found.stylesheets.push(`${sheets.length}: ${sheets.join(", ")}`);

  // -- axe-core: serious and critical violations. Of the rules axe runs by default (not
  // the AAA or experimental ones), only those that can find one run (a rule's impact is
  // the worst it reports): the others would cost time for nothing.
  if (runAxe) {
    const rules = axe._audit.rules.filter(
      (r) => r.enabled !== false && (r.impact === "serious" || r.impact === "critical"),
    );
    const results = await axe.run(document, {
      resultTypes: ["violations"],
      runOnly: { type: "rule", values: rules.map((r) => r.id) },
    });
    for (const v of results.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      const nodes = v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(", ");
      found.axe.push(`${v.id} (${v.impact}, ${v.nodes.length}x): ${nodes}`);
    }
  }
  return found;
}
