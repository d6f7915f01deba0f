import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '@attain/app';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { resolveCaller } from './auth.middleware.js';
import type { AppEnv } from './env.js';
import { errorResponse, validationBody } from './errors.js';
import { RouteRegistry } from './route-registry.js';
import { mountAssignmentRoutes } from './routes/assignments.routes.js';
import { mountAuthRoutes } from './routes/auth.routes.js';
import { mountCrmExtraRoutes } from './routes/crm-extras.routes.js';
import { mountCrmRoutes } from './routes/crm.routes.js';
import { mountImportExportRoutes } from './routes/import-export.routes.js';
import { mountInsightsRoutes } from './routes/insights.routes.js';
import { mountPlanRoutes } from './routes/plans.routes.js';
import { mountSystemRoutes } from './routes/system.routes.js';
import { mountTransactionRoutes } from './routes/transactions.routes.js';
import { mountCalcRoutes } from './routes/calc.routes.js';
import { mountCapitalizationRoutes } from './routes/capitalization.routes.js';
import { mountPeriodCloseRoutes } from './routes/period-close.routes.js';
import { mountWhatIfRoutes } from './routes/what-if.routes.js';
import { mountForecastRoutes } from './routes/forecast.routes.js';
import { mountAnalyticsRoutes } from './routes/analytics.routes.js';
import { mountQuotaRoutes } from './routes/quotas.routes.js';
import { mountTerritoryRoutes } from './routes/territories.routes.js';
import { mountCoverageRoutes } from './routes/coverage.routes.js';
import { mountDisputeRoutes } from './routes/disputes.routes.js';
import { mountViewRoutes } from './routes/views.routes.js';
import { serveDirectory } from './static.js';
import type { Api } from './route.js';

export interface ServerOptions {
  readonly ctx: AppContext;
  readonly version: string;
  /** The built web app (packages/web/dist); served at / when present. */
  readonly webDir?: string;
}

export interface AttainServer {
  readonly app: OpenAPIHono<AppEnv>;
  readonly registry: RouteRegistry;
  /** The OpenAPI 3.1 document of /api/v1. */
  openapi(): Record<string, unknown>;
}

/** Builds the HTTP application: API under /api/v1, its docs, and the web app at /. */
export function createServer(options: ServerOptions): AttainServer {
  const registry = new RouteRegistry();
  const api: Api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(validationBody(result.error, result.target), 422);
      return undefined;
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'attain_session' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  mountSystemRoutes(api, registry, options.version);
  mountAuthRoutes(api, registry);
  mountCrmRoutes(api, registry);
  mountCrmExtraRoutes(api, registry);
  mountImportExportRoutes(api, registry);
  mountInsightsRoutes(api, registry);
  mountViewRoutes(api, registry);
  mountPlanRoutes(api, registry);
  mountAssignmentRoutes(api, registry);
  mountTransactionRoutes(api, registry);
  mountCalcRoutes(api, registry);
  mountCapitalizationRoutes(api, registry);
  mountPeriodCloseRoutes(api, registry);
  mountWhatIfRoutes(api, registry);
  mountCoverageRoutes(api, registry);
  mountTerritoryRoutes(api, registry);
  mountQuotaRoutes(api, registry);
  mountForecastRoutes(api, registry);
  mountAnalyticsRoutes(api, registry);
  mountDisputeRoutes(api, registry);

  const openapi = () =>
    api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Attain API', version: options.version, description: 'Sales performance management: CRM, coverage, quotas, incentive compensation.' },
      servers: [{ url: '/api/v1' }],
    }) as unknown as Record<string, unknown>;

  const app = new OpenAPIHono<AppEnv>();
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    c.set('ctx', options.ctx);
    await next();
  });
  app.use('/api/v1/*', bodyLimit({ maxSize: 10 * 1024 * 1024, onError: (c) => c.json({ error: { code: 'validation_failed', message: 'The request body is larger than 10 MB.' } }, 413) }));
  app.use('/api/v1/*', resolveCaller);
  app.onError((error, c) => errorResponse(c, error));
  app.get('/api/v1/openapi.json', (c) => c.json(openapi()));
  mountDocs(app);
  app.route('/api/v1', api);
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404));
  if (options.webDir && existsSync(options.webDir)) {
    app.get('*', serveDirectory(options.webDir, { spaFallback: true, immutable: /^\/assets\// }));
  } else {
    app.get('/', (c) => c.text('Attain API is running. The web app is not built: run `npm run build`. API docs: /api/docs'));
  }
  return { app, registry, openapi };
}

/** Browsable API docs (Swagger UI, served from the package, no CDN). */
function mountDocs(app: OpenAPIHono<AppEnv>): void {
  const require = createRequire(import.meta.url);
  // Only the files are served: resolving the package path avoids loading its 1 MB bundle.
  const dist = dirname(require.resolve('swagger-ui-dist/package.json'));
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Attain API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`),
  );
  app.get('/api/docs/init.js', (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', withCredentials: true });", 200, { 'content-type': 'text/javascript' }),
  );
  app.get('/api/docs/assets/*', serveDirectory(dist, { prefix: '/api/docs/assets' }));
}
