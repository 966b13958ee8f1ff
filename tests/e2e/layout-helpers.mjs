// The page-side measures of the layout tests, shared by the tests that drive Chromium through
// Playwright (layout.test.mjs), every engine through WebDriver (engines.test.mjs) and the touch
// test (touch.test.mjs): the function's source runs in the page, after shadowHelpers
// (scripts/browser.mjs).

/**
 * Runs in every test page before its scripts, after shadowHelpers (scripts/browser.mjs):
 * `__layout` measures inside the widget's shadow root and returns plain data.
 */
export function layoutHelpers() {
  const root = () => document.querySelector("ending-well")?.shadowRoot;
  const squash = (text) => (text ?? "").replace(/\s+/g, " ").trim();
  const keys = new WeakMap();
  let nextKey = 1;

  /** `button.ew-button[data-ew-action=next] "Next"`, `input#ew1-q-x-option-y[type=radio] "Yes"`. */
  function label(el) {
    let what = el.tagName.toLowerCase();
    if (el.id) what += `#${el.id}`;
    else if (el.classList.length) what += `.${[...el.classList].join(".")}`;
    if (el.dataset?.ewAction) what += `[data-ew-action=${el.dataset.ewAction}]`;
    if (el.tagName === "INPUT") what += `[type=${el.type}]`;
    const text = squash(
      el.labels?.length ? [...el.labels].map((l) => l.textContent).join(" ") : el.textContent,
    );
    if (text) what += ` "${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
    return what;
  }

  /** Drawn on screen: not display:none, not visibility:hidden, not visually hidden, has a box. */
  function shown(el) {
    if (el.closest(".ew-visually-hidden")) return false;
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 || rect.height > 0;
  }

  /** The open modal dialog: only it can be used while it is open. */
  function modal() {
    const dialog = root()?.querySelector("dialog[open]");
    return dialog && dialog.matches(":modal") ? dialog : null;
  }

  /** The parent in the flat tree, leaving the shadow root for its host. */
  function parentOf(node) {
    if (node.parentElement) return node.parentElement;
    const parent = node.parentNode;
    return parent instanceof ShadowRoot ? parent.host : null;
  }

  /** Background colours from `el` (included or not) up to <html>, innermost first. */
  function backgrounds(el, includeSelf) {
    const layers = [];
    for (let node = includeSelf ? el : parentOf(el); node; node = parentOf(node)) {
      layers.push(getComputedStyle(node).backgroundColor);
    }
    return layers;
  }

  function canvasIsDark() {
    const scheme = getComputedStyle(document.documentElement).colorScheme;
    return /dark/.test(scheme) && matchMedia("(prefers-color-scheme: dark)").matches;
  }

  const CONTROLS =
    "button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=link]";

  function kind(el) {
    if (el.tagName === "INPUT") {
      if (el.dataset.ewRole === "point") return "scale point";
      if (el.type === "radio" || el.type === "checkbox") return el.type;
      if (el.type === "file") return "file input";
      return "text field";
    }
    if (el.tagName === "TEXTAREA") return "text field";
    if (el.classList.contains("ew-exit-button")) return "exit button";
    if (el.classList.contains("ew-link-button")) return "link-style button";
    if (el.classList.contains("ew-button")) return "button";
    if (el.tagName === "A") return "link";
    return el.tagName.toLowerCase();
  }

  /** Everything reaching more than `tolerance` px past the right edge at `limit` CSS px, and sideways scrolling. */
  function overflow(limit, tolerance) {
    const shadow = root();
    const scrollX = window.scrollX;
    const offenders = [];
    const beyond = new Set();
    let elements = 0;
    let texts = 0;
    for (const el of shadow.querySelectorAll("*")) {
      if (!shown(el)) continue;
      elements += 1;
      const rect = el.getBoundingClientRect();
      const right = rect.right + scrollX;
      if (right > limit + tolerance) {
        beyond.add(el);
        // The outermost element that sticks out is reported; what is inside it goes with it.
        if (!beyond.has(el.parentElement)) {
          offenders.push(
            `${label(el)}: right edge at ${right.toFixed(1)} px (${rect.width.toFixed(1)} px ` +
              `wide from ${(rect.left + scrollX).toFixed(1)} px); must be <= ${limit} px`,
          );
        }
      }
      const style = getComputedStyle(el);
      if (
        (style.overflowX === "auto" || style.overflowX === "scroll") &&
        !["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) &&
        el.scrollWidth > el.clientWidth + 1
      ) {
        offenders.push(
          `${label(el)} scrolls sideways: content ${el.scrollWidth} px wide in a box ` +
            `${el.clientWidth} px wide`,
        );
      }
    }
    const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !squash(node.data) || parent.tagName === "TEXTAREA") continue;
      if (!shown(parent)) continue;
      texts += 1;
      if (beyond.has(parent)) continue;
      range.selectNodeContents(node);
      const right = Math.max(...[...range.getClientRects()].map((r) => r.right)) + scrollX;
      if (right > limit + tolerance) {
        const text = squash(node.data);
        offenders.push(
          `text "${text.length > 40 ? `${text.slice(0, 39)}…` : text}" in ${label(parent)}: ` +
            `right edge at ${right.toFixed(1)} px; must be <= ${limit} px`,
        );
      }
    }
    return {
      elements,
      texts,
      offenders,
      pageWidth: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    };
  }

  /** Elements that clip (overflow hidden or clip) text that does not fit. */
  function clipped() {
    const offenders = [];
    let clipping = 0;
    for (const el of root().querySelectorAll("*")) {
      if (!shown(el) || ["INPUT", "TEXTAREA", "SELECT", "PROGRESS"].includes(el.tagName)) continue;
      const style = getComputedStyle(el);
      const clips = (value) => value === "hidden" || value === "clip";
      if (!clips(style.overflowX) && !clips(style.overflowY)) continue;
      if (!squash(el.textContent)) continue;
      clipping += 1;
      const tall = el.scrollHeight > el.clientHeight + 1;
      const wide = el.scrollWidth > el.clientWidth + 1;
      if (tall || wide) {
        offenders.push(
          `${label(el)} cuts off its text: content ${el.scrollWidth}×${el.scrollHeight} px in ` +
            `a ${el.clientWidth}×${el.clientHeight} px box (overflow ${style.overflowX} ` +
            `${style.overflowY}); the content must fit (within 1 px)`,
        );
      }
    }
    return { clipping, offenders };
  }

  /** Adds the text spacing sheet to the shadow root; returns what a paragraph now computes. */
  function addTextSpacing(css) {
    const shadow = root();
    if (!window.__layoutSpacing) {
      window.__layoutSpacing = new CSSStyleSheet();
      window.__layoutSpacing.replaceSync(css);
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, window.__layoutSpacing];
    }
    const p = shadow.querySelector("p.ew-body") ?? shadow.querySelector("p");
    const style = getComputedStyle(p);
    const size = parseFloat(style.fontSize);
    return {
      fontSize: size,
      letterSpacing: parseFloat(style.letterSpacing) / size,
      wordSpacing: parseFloat(style.wordSpacing) / size,
      lineHeight: parseFloat(style.lineHeight) / size,
      marginBottom: parseFloat(style.marginBottom) / size,
    };
  }

  /**
   * Every control that can be used now (inside the modal dialog when one is open), with its
   * box; a radio or checkbox with its labels, which click it too.
   */
  function targets() {
    const scope = modal() ?? root();
    return [...scope.querySelectorAll(CONTROLS)]
      .filter((el) => shown(el) && !el.closest("[inert]"))
      .map((el) => {
        const rect = el.getBoundingClientRect();
        const box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
        let labelled = false;
        if (el.type === "radio" || el.type === "checkbox") {
          for (const labelElement of el.labels ?? []) {
            if (!shown(labelElement)) continue;
            const r = labelElement.getBoundingClientRect();
            box.left = Math.min(box.left, r.left);
            box.top = Math.min(box.top, r.top);
            box.right = Math.max(box.right, r.right);
            box.bottom = Math.max(box.bottom, r.bottom);
            labelled = true;
          }
        }
        return {
          what: label(el),
          kind: kind(el),
          labelled,
          width: box.right - box.left,
          height: box.bottom - box.top,
        };
      });
  }

  function outlineOf(style) {
    return {
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      outlineColor: style.outlineColor,
      outlineOffset: parseFloat(style.outlineOffset) || 0,
      boxShadow: style.boxShadow,
      backgroundColor: style.backgroundColor,
    };
  }

  /** The focused element inside the widget and how its focus style computes. */
  function focusStyle() {
    const el = window.__ew.focused();
    const shadow = root();
    if (!el || !shadow || el.getRootNode() !== shadow) {
      return { inside: false, what: el ? label(el) : "(nothing)" };
    }
    if (!keys.has(el)) keys.set(el, nextKey++);
    const style = getComputedStyle(el);
    return {
      inside: true,
      key: keys.get(el),
      what: label(el),
      heading: el.matches("h2.ew-heading[tabindex='-1']"),
      focusVisible: el.matches(":focus-visible"),
      own: outlineOf(style),
      // A file input draws its ring on its button (.ew-file:focus-visible::file-selector-button).
      pseudo: el.type === "file" ? outlineOf(getComputedStyle(el, "::file-selector-button")) : null,
      // WebKit reports the input's own style for its button: then the ring cannot be measured.
      pseudoReported:
        el.type === "file" &&
        getComputedStyle(el, "::file-selector-button").fontWeight !== style.fontWeight,
      focusColor: style.getPropertyValue("--ew-color-focus").trim(),
      parentLayers: backgrounds(el, false),
      canvasDark: canvasIsDark(),
    };
  }

  /**
   * How much of the focused element shows in the viewport below the top bar, when the bar is
   * stuck to the top of the viewport (narrow screens) and the element is not in it.
   */
  function obscured() {
    const el = window.__ew.focused();
    const shadow = root();
    if (!el || !shadow || el.getRootNode() !== shadow) {
      return { inside: false, what: el ? label(el) : "(nothing)" };
    }
    if (!keys.has(el)) keys.set(el, nextKey++);
    const rect = el.getBoundingClientRect();
    const bar = shadow.querySelector(".ew-topbar");
    let barBottom = 0;
    if (bar && !bar.contains(el) && !modal() && getComputedStyle(bar).position === "sticky") {
      const barRect = bar.getBoundingClientRect();
      if (barRect.top <= 1 && barRect.bottom > 0) barBottom = barRect.bottom;
    }
    const top = Math.max(rect.top, barBottom, 0);
    const bottom = Math.min(rect.bottom, window.innerHeight);
    return {
      inside: true,
      key: keys.get(el),
      what: label(el),
      heading: el.matches("h2.ew-heading[tabindex='-1']"),
      top: rect.top,
      height: rect.height,
      showing: Math.max(0, bottom - top),
      barBottom,
    };
  }

  /** Transition and animation durations of every element and its ::before, ::after, ::backdrop. */
  function motion() {
    const seconds = (list) =>
      Math.max(
        0,
        ...list.split(",").map((value) => {
          const v = value.trim();
          if (v === "auto" || v === "") return 0;
          return v.endsWith("ms") ? parseFloat(v) / 1000 : parseFloat(v);
        }),
      );
    const offenders = [];
    let measured = 0;
    for (const el of root().querySelectorAll("*")) {
      if (!el.checkVisibility()) continue;
      const pseudos = [null, "::before", "::after"];
      if (el.tagName === "DIALOG" && el.open) pseudos.push("::backdrop");
      for (const pseudo of pseudos) {
        const style = getComputedStyle(el, pseudo);
        if (pseudo === "::before" || pseudo === "::after") {
          if (style.content === "none" || style.content === "normal") continue;
        }
        measured += 1;
        const transition = seconds(style.transitionDuration);
        const animation = seconds(style.animationDuration);
        const what = `${label(el)}${pseudo ?? ""}`;
        if (transition > 0.01) {
          offenders.push(
            `${what}: transition-duration ${style.transitionDuration} ` +
              `(transition-property ${style.transitionProperty}); must be <= 0.01s`,
          );
        }
        if (animation > 0.01) {
          offenders.push(
            `${what}: animation-duration ${style.animationDuration} ` +
              `(animation-name ${style.animationName}); must be <= 0.01s`,
          );
        }
      }
    }
    const running = root()
      .getAnimations({ subtree: true })
      .filter((a) => a.playState === "running" && Number(a.effect?.getTiming().duration) > 10)
      .map(
        (a) =>
          `${a.effect?.target ? label(a.effect.target) : "?"}${a.effect?.pseudoElement ?? ""}: ` +
          `a ${a.effect.getTiming().duration} ms ${a.constructor.name} (${a.animationName ?? a.transitionProperty}) is running`,
      );
    return { measured, offenders: [...offenders, ...running] };
  }

  /** Borders, outline and appearance of every control, for forced colours mode. */
  function edges() {
    const scope = modal() ?? root();
    const sidesOf = (style) =>
      ["Top", "Right", "Bottom", "Left"].map((side) => ({
        side: side.toLowerCase(),
        width: parseFloat(style[`border${side}Width`]) || 0,
        style: style[`border${side}Style`],
        color: style[`border${side}Color`],
      }));
    return [...scope.querySelectorAll(CONTROLS)]
      .filter((el) => shown(el))
      .map((el) => {
        const style = getComputedStyle(el);
        const pseudo = el.type === "file" ? getComputedStyle(el, "::file-selector-button") : null;
        return {
          what: label(el),
          kind: kind(el),
          appearance: style.appearance,
          native: el.tagName === "INPUT" && ["radio", "checkbox"].includes(el.type),
          sides: sidesOf(style),
          pseudoSides: pseudo ? sidesOf(pseudo) : null,
          outline: outlineOf(style),
          underline: /underline/.test(style.textDecorationLine),
        };
      });
  }

  /**
   * What a person holding a phone would notice on the screen showing, as sentences naming
   * `where`: the page scrolling sideways, and controls under 24 × 24 CSS px; and how many
   * controls were measured.
   */
  function smallScreenProblems(where) {
    const width = document.documentElement.clientWidth;
    const problems = overflow(width, 0.5).offenders.map((p) => `${where} at ${width} px: ${p}`);
    const sideways = document.documentElement.scrollWidth - width;
    if (sideways > 0) problems.push(`${where}: the page scrolls ${sideways} px sideways`);
    const measured = targets();
    for (const target of measured) {
      if (target.width < 24 - 0.01 || target.height < 24 - 0.01) {
        problems.push(
          `${where} at ${width} px: ${target.what} is ` +
            `${target.width.toFixed(1)}×${target.height.toFixed(1)} px; needs 24×24`,
        );
      }
    }
    return { problems, measured: measured.length };
  }

  window.__layout = {
    overflow,
    smallScreenProblems,
    clipped,
    addTextSpacing,
    targets,
    focusStyle,
    obscured,
    motion,
    edges,
    media: (query) => matchMedia(query).matches,
  };
}
