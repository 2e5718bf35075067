// A published page whose app cannot run: opened straight from disk (file://), where browsers
// refuse to load WebAssembly modules, or served but its app did not arrive or start (the
// connection dropped, a browser without WebAssembly SIMD). (A classic script, which file://
// allows.)

// Its first view then reads as it does without JavaScript (viewer.css's `scripting: none` rules):
// the controls, which would do nothing, take no room, and the ticker is a row of headlines to
// scroll. embed.js does the same in an embed's shadow root.
function withoutApp(root) {
  for (const view of root.querySelectorAll('.nv:not([data-live])')) {
    const idle = '.nv-skip, .nv-langs, .nv-tools, .nv-more__button, .nv-figure__report, .nv-ticker__toggle, .nv-ticker__copy[aria-hidden]';
    for (const control of view.querySelectorAll(idle)) control.style.display = 'none';
    view.querySelector('.nv-ticker__track')?.style.setProperty('animation', 'none');
    view.querySelector('.nv-ticker__viewport')?.style.setProperty('overflow-x', 'auto');
  }
}

// From disk, the one line that says what reading further needs shows too.
if (location.protocol === 'file:') {
  for (const note of document.querySelectorAll('.nv-disk-note')) note.hidden = false;
  withoutApp(document);
}

// The app's script that did not load (a script's error does not bubble: it is caught on its way
// down), or the error its start ended with (its WebAssembly not fetched or not compiled). Other
// elements' errors (an article's image) are not the app's.
addEventListener('error', (event) => {
  if (event.target === window || event.target instanceof HTMLScriptElement) withoutApp(document);
}, true);
