// For pages that show the news viewer in an iframe (embed.html): sizes each such iframe to its
// content, so it never shows a scrollbar. Include it once on the parent page:
//   <script src="/path/to/viewer/article-viewer-frame.js" defer></script>
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'article-viewer:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
