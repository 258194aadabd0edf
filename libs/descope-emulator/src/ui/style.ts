/** The page's stylesheet: system fonts, no images, readable at any width. */
export const uiStyle = `
:root { font: 14px/1.45 system-ui, sans-serif; color: #1d2330; background: #f6f7f9; }
body { margin: 0; }
.banner { background: #b3261e; color: #fff; font-weight: 600; padding: 8px 16px; text-align: center;
  position: sticky; top: 0; z-index: 2; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header h1 { margin: 16px 0 4px; font-size: 22px; }
header h1::after { content: " (emulator)"; color: #b3261e; font-size: 14px; }
nav a { margin-right: 12px; }
section { scroll-margin-top: 48px; background: #fff; border: 1px solid #dde1e8; border-radius: 6px; margin: 16px 0; padding: 4px 16px 12px; }
h2 { font-size: 17px; }
.hint, .empty { color: #5a6375; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eceef2; vertical-align: top;
  overflow-wrap: anywhere; }
th { font-weight: 600; color: #5a6375; }
.code { font: 600 18px/1.2 ui-monospace, monospace; letter-spacing: 2px; }
.link { font: 12px ui-monospace, monospace; }
.suppressed { color: #8a5a00; font-style: italic; }
.fresh { animation: fresh 2s ease-out; }
@keyframes fresh { from { background: #fff4c2; } to { background: transparent; } }
.disabled td { color: #9aa1ad; }
button { cursor: pointer; }
input, select, textarea { font: inherit; margin: 2px 6px 6px 0; }
input[type=search], #fault-form input[name=path] { width: 320px; }
form label { display: inline-block; margin-right: 10px; }
dialog form label { display: block; }
dialog textarea, dialog input:not([type=checkbox]) { width: 100%; box-sizing: border-box; }
dialog { width: min(560px, 90vw); }
#toast { position: fixed; bottom: 16px; right: 16px; background: #1d2330; color: #fff; padding: 8px 12px;
  border-radius: 6px; opacity: 0; transition: opacity .2s; }
#toast.show { opacity: 1; }
#toast.bad { background: #b3261e; }
`;
