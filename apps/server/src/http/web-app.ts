import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/web/dist, from src/http (tests) and dist/http (the build) alike. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths the API owns: never answered with the web app, whatever the Accept header says. */
const API_PREFIXES = ['/graphql', '/health', '/import', '/export', '/templates'];

const isApiPath = (path: string) => API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}.`));

/**
 * The built web UI (apps/web/dist) on the API's own port, so a new user opens one address:
 * its hashed assets as static files (cached for a year: a new build has new names), and
 * index.html for any other GET that asks for HTML — the client routes (/dashboard,
 * /areas/370102 …) — except the API's paths. Requests that do not ask for text/html (API
 * clients, fetch's default `*∕*`) fall through to the JSON 404. Without a build of the web app
 * the router is empty and the server is the API alone.
 */
export function webAppRouter(distDir: string = DEFAULT_WEB_DIST): Router {
  const router = Router();
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) return router;
  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: true }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || req.path.startsWith('/assets/')) return next();
    if (!(req.headers.accept ?? '').includes('text/html')) return next();
    // index.html names the current assets: always revalidate it.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile, (error) => {
      if (error) next(error);
    });
  });
  return router;
}
