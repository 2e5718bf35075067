// For pages that show the news viewer in an iframe (embed.html): sizes each such iframe to its
// content, so it never shows a scrollbar, and brings the article the reader opens in it into
// view. Include it once on the parent page:
//   <script src="/path/to/viewer/article-viewer-frame.js" defer></script>
addEventListener('message', (event) => {
  const data = event.data;
  if (!data) return;
  const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
  if (!frame) return;
  if (data.type === 'article-viewer:height' && Number.isFinite(data.height)) {
    frame.style.height = `${Math.ceil(data.height)}px`;
  } else if (data.type === 'article-viewer:scroll' && Number.isFinite(data.top)) {
    const top = frame.getBoundingClientRect().top + data.top;
    if (top < 0 || top > innerHeight * 0.8) scrollBy({ top });
  }
});
