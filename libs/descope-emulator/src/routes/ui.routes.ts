import { EmulatorContext } from '../context';
import { EmulatorRequest, PageReply, route, Route } from '../route';
import { uiPage } from '../ui/page';
import { uiScript } from '../ui/script';
import { uiStyle } from '../ui/style';

const page = (_request: EmulatorRequest, context: EmulatorContext) =>
  new PageReply('text/html; charset=utf-8', uiPage(context.options.projectId));

/** A red "E" on the tab: the emulator's, never a real login page's. */
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" ' +
  'rx="3" fill="#b3261e"/><text x="8" y="12.5" font-size="12" text-anchor="middle" ' +
  'font-family="sans-serif" fill="#fff">E</text></svg>';

/** The emulator's UI at `/` (and `/emulator`): loopback and same origin only, as every admin route. */
export const uiRoutes: Route[] = [
  route('GET', '/', page, 'admin'),
  route('GET', '/emulator', page, 'admin'),
  route(
    'GET',
    '/emulator/ui.js',
    () => new PageReply('text/javascript; charset=utf-8', uiScript),
    'admin',
  ),
  route(
    'GET',
    '/emulator/ui.css',
    () => new PageReply('text/css; charset=utf-8', uiStyle),
    'admin',
  ),
  route('GET', '/favicon.ico', () => new PageReply('image/svg+xml', ICON), 'admin'),
];
