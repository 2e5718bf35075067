// The built page opened straight from disk (file://) shows its prerendered first view, but the
// app cannot start there: browsers refuse to load WebAssembly modules from files. This reveals
// the one line that says what reading further needs. (A classic script, which file:// allows.)
if (location.protocol === 'file:') {
  for (const note of document.querySelectorAll('.nv-disk-note')) note.hidden = false;
}
