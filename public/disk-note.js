// A published page whose app cannot run: opened straight from disk (file://), where browsers
// refuse to load WebAssembly modules, or served but its app did not arrive or start (the
// connection dropped, a browser without WebAssembly SIMD). (A classic script, which file://
// allows, in the syntax of browsers older than the app's.)

// Its first view then reads as it does without JavaScript (viewer.css's `scripting: none` rules,
// here as inline styles): the controls, which would do nothing, take no room, and the ticker is a
// row of headlines to scroll. embed.js does the same in an embed's shadow root.
const READ_ONLY = [
  ['.nv-skip, .nv-langs, .nv-tools, .nv-more__button, .nv-figure__report, .nv-ticker__toggle, .nv-ticker__copy[aria-hidden]', 'display', 'none'],
  ['.nv-ticker__track', 'animation', 'none'],
  ['.nv-ticker__viewport', 'overflow-x', 'auto'],
];
function withoutApp(root, on) {
  for (const view of root.querySelectorAll(on ? '.nv:not([data-live])' : '.nv')) {
    for (const [selector, property, value] of READ_ONLY) {
      for (const element of view.querySelectorAll(selector)) {
        if (on) element.style.setProperty(property, value);
        else element.style.removeProperty(property);
      }
    }
  }
}

// Until the app runs, a ticker headline the reader tabs to is brought whole into the strip (its
// start, for one wider than the strip), as the app brings it: the browser leaves one that shows in
// part where it is. Focus leaving the strip takes it back to its start, where the app's loop
// starts. (embed.js does the same in an embed.)
function revealHeadlines(root) {
  root.addEventListener('focusin', (event) => {
    const link = event.target, viewport = link.closest('.nv:not([data-live]) .nv-ticker__viewport');
    if (viewport && link.matches('.nv-ticker__link')) {
      link.scrollIntoView({ block: 'nearest', inline: link.offsetWidth > viewport.clientWidth ? 'start' : 'nearest' });
    }
  });
  root.addEventListener('focusout', (event) => {
    const viewport = event.target.closest('.nv:not([data-live]) .nv-ticker__viewport');
    if (viewport && !viewport.contains(event.relatedTarget)) viewport.scrollLeft = 0;
  });
}
revealHeadlines(document);

// From disk, the one line that says what reading further needs shows too.
if (location.protocol === 'file:') {
  for (const note of document.querySelectorAll('.nv-disk-note')) note.hidden = false;
  withoutApp(document, true);
}

// Served: the app's module script that did not load (a script's error does not bubble: it is
// caught on its way down), or an uncaught error before the app has started, as its start ends
// when its WebAssembly is not fetched or not compiled. Other elements' errors (an image, a
// publisher's own classic script) are not the app's; and an app that starts after all (the
// error was another script's) is given its view back as it was.
let started = false, readOnly = false;
addEventListener('error', (event) => {
  const target = event.target;
  if (!started && (target === window || (target instanceof HTMLScriptElement && target.type === 'module'))) {
    withoutApp(document, true);
    readOnly = true;
  }
}, true);
addEventListener('TrunkApplicationStarted', () => {
  started = true;
  if (readOnly) withoutApp(document, false);
  // A reader who reached a ticker headline before the app ran is on it still: focused again, it
  // is the app's as any headline the reader focuses is (the ticker's tab stop, brought into
  // view), as embed.js does in an embed. Not once the reader has scrolled it out of the window:
  // bringing it back would move the page under them.
  const link = document.activeElement, box = link && link.getBoundingClientRect();
  if (link && link.matches('.nv-ticker__link') && box.top >= 0 && box.bottom <= innerHeight) {
    link.blur();
    link.focus();
  }
});
