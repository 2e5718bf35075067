// Starts the news viewer on any page: every element with a `data-article-viewer` attribute,
// present now or added later, becomes a viewer. Include it once:
//   <script type="module" src="/path/to/viewer/embed.js"></script>
import init from './news-viewer.js';

await init({ module_or_path: new URL('./news-viewer_bg.wasm', import.meta.url) });
