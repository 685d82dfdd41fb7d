import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Authenticate } from '../auth/authenticate.js';
import { may, type Permission } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { withPrincipalManager } from '../auth/reach.js';
import { actorOf } from '../context.js';
import { UnauthenticatedError } from '../errors/unauthenticated.error.js';
import { describeError } from '../errors/describe-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from '../errors/service-unavailable.error.js';
import type { RateLimit } from '../limits/rate-limit.js';
import { exportBlindSpots, exportLedgers, exportOrganizations, exportReport } from '../export/exports.js';
import { GATE_SOURCES, isImportKind, KIND_LABELS, type GateSource } from '../import/columns.js';
import { ImportFileError } from '../import/errors.js';
import { runImport } from '../import/importer.js';
import { MAX_FILE_BYTES } from '../import/read-file.js';
import { writeTemplate } from '../import/template.js';
import { scopeOf } from './request-log.js';

/**
 * The spreadsheet endpoints (docs/import-guide.md), in one router so that the authentication
 * GraphQL gets later can be put in front of all of them at once (server.ts mounts it):
 *
 *   POST /import/:kind?dryRun=1&validRowsOnly=1&source=REGISTRATION   body: the raw file
 *   GET  /templates/:kind.xlsx
 *   GET  /export/organizations.xlsx | blind-spots.xlsx | ledgers.xlsx | report.xlsx
 *
 * Errors are JSON `{ error: { code, reason, message, messageZh, path? } }` with 400, 404, 409 or
 * 413 — never a stack or SQL; anything unexpected is logged and answered 500 with the request id.
 */

export interface SpreadsheetRouterOptions {
  dataSource: DataSource;
  logger: Logger;
  /** Largest accepted upload (default 20 MB). */
  maxUploadBytes?: number;
  /** The bearer-token check GraphQL uses: every route here needs a signed-in principal. */
  authenticate: Authenticate;
  /** The rate limit GraphQL uses, counted against the same principal. */
  rateLimit?: RateLimit;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function flag(value: unknown): boolean {
  const v = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof v === 'string' && ['', '1', 'true', 'yes'].includes(v.toLowerCase());
}

function attachment(res: Response, asciiName: string, chineseName: string): void {
  res.setHeader('content-type', XLSX);
  res.setHeader('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`);
  res.setHeader('cache-control', 'no-store');
}

function sendError(res: Response, status: number, body: Record<string, unknown>): void {
  res.status(status).json({ error: body });
}

export function spreadsheetRouter(options: SpreadsheetRouterOptions): Router {
  const { dataSource, logger } = options;
  const limit = options.maxUploadBytes ?? MAX_FILE_BYTES;
  const router = Router();

  /**
   * The principal, put on the request scope (audit actor), when it may do `permission`; otherwise
   * the answer is sent (401 without a valid token, 403 without the permission) and null returned.
   * Where it may act is row-level security's part: see withPrincipalManager.
   */
  const signedIn = async (req: Request, res: Response, permission: Permission | null): Promise<Principal | null> => {
    let principal: Principal | null;
    try {
      principal = await options.authenticate(req.get('authorization'));
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      principal = null;
    }
    if (!principal) {
      res.setHeader('www-authenticate', 'Bearer');
      sendError(res, 401, { code: 'UNAUTHENTICATED', message: 'Sign in first', messageZh: '请先登录' });
      return null;
    }
    scopeOf(res).principal = principal;
    if (options.rateLimit && !(await options.rateLimit.admit(res, principal, req.socket.remoteAddress))) return null;
    if (permission !== null && !may(principal, permission)) {
      sendError(res, 403, { code: 'FORBIDDEN', reason: permission === 'import' ? 'NO_IMPORT' : 'NO_READ', message: `Not allowed: ${permission}`, messageZh: '无此权限' });
      return null;
    }
    return principal;
  };

  router.post('/import/:kind', express.raw({ type: () => true, limit }), async (req: Request, res: Response) => {
    const principal = await signedIn(req, res, 'import');
    if (!principal) return;
    const kind = req.params.kind;
    if (!isImportKind(kind)) {
      return sendError(res, 404, {
        code: 'NOT_FOUND',
        reason: 'UNKNOWN_KIND',
        message: `No import of "${String(kind).slice(0, 40)}": use organizations, members, instructors or visits.`,
        messageZh: '没有该类导入：应为 organizations、members、instructors 或 visits',
        path: ['kind'],
      });
    }
    if (String(req.headers['content-type'] ?? '').startsWith('multipart/')) {
      return sendError(res, 400, {
        code: 'BAD_USER_INPUT',
        reason: 'MULTIPART',
        message: 'Send the file itself as the request body (curl --data-binary @file.xlsx), not a multipart form.',
        messageZh: '请直接以请求体发送文件（curl --data-binary @文件.xlsx），不要用 multipart 表单',
      });
    }
    const sourceParam = req.query.source;
    const source = typeof sourceParam === 'string' && sourceParam !== '' ? sourceParam.toUpperCase() : null;
    if (source !== null && !(GATE_SOURCES as readonly string[]).includes(source)) {
      return sendError(res, 400, {
        code: 'BAD_USER_INPUT',
        reason: 'SOURCE',
        message: `source must be ${GATE_SOURCES.join(', ')}.`,
        messageZh: `source 应为 ${GATE_SOURCES.join('、')}（登记、年检、评估时同步）`,
        path: ['source'],
      });
    }
    const scope = scopeOf(res);
    const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const report = await withPrincipalManager(dataSource, principal, (manager) => runImport(manager, file, {
      kind,
      dryRun: flag(req.query.dryRun),
      validRowsOnly: flag(req.query.validRowsOnly),
      source: source as GateSource | null,
      actor: actorOf(scope),
      requestId: scope.requestId,
    }));
    if (!report.dryRun && !report.applied) {
      const n = report.summary.refused;
      return res.status(400).json({
        error: {
          code: 'BAD_USER_INPUT',
          reason: 'ROWS_REFUSED',
          message: `${n} row(s) refused; nothing was written. Fix them, or import with validRowsOnly=1.`,
          messageZh: `有 ${n} 行未通过校验，本次导入未写入任何内容。请修改后重新导入，或使用 validRowsOnly=1 只导入有效行`,
          path: ['rows'],
        },
        report,
      });
    }
    res.status(200).json(report);
  });

  router.get('/templates/:file', async (req: Request, res: Response) => {
    if (!(await signedIn(req, res, null))) return;
    const kind = String(req.params.file).replace(/\.xlsx$/, '');
    if (!isImportKind(kind) || !String(req.params.file).endsWith('.xlsx')) {
      return sendError(res, 404, {
        code: 'NOT_FOUND',
        reason: 'UNKNOWN_TEMPLATE',
        message: 'Templates: organizations.xlsx, members.xlsx, instructors.xlsx, visits.xlsx.',
        messageZh: '模板只有 organizations.xlsx、members.xlsx、instructors.xlsx、visits.xlsx',
      });
    }
    attachment(res, `${kind}-template.xlsx`, `${KIND_LABELS[kind].zh}导入模板.xlsx`);
    await writeTemplate(kind, res);
  });

  const exports = {
    'organizations.xlsx': { run: exportOrganizations, name: '两新组织名单.xlsx' },
    'blind-spots.xlsx': { run: exportBlindSpots, name: '空白点.xlsx' },
    'ledgers.xlsx': { run: exportLedgers, name: '三个台账.xlsx' },
    'report.xlsx': { run: exportReport, name: '调度报告.xlsx' },
  } as const;
  router.get('/export/:file', async (req: Request, res: Response) => {
    const principal = await signedIn(req, res, 'read');
    if (!principal) return;
    const entry = exports[String(req.params.file) as keyof typeof exports];
    if (!entry) {
      return sendError(res, 404, {
        code: 'NOT_FOUND',
        reason: 'UNKNOWN_EXPORT',
        message: `Exports: ${Object.keys(exports).join(', ')}.`,
        messageZh: `可导出：${Object.keys(exports).join('、')}`,
      });
    }
    // Headers are set only once the arguments were checked and the first rows read.
    await withPrincipalManager(dataSource, principal, (manager) =>
      entry.run(
        manager,
        req.query as Record<string, unknown>,
        () => {
          attachment(res, String(req.params.file), entry.name);
          return res;
        },
        { principal },
      ),
    );
  });

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      logger.error({ error: describeError(error) }, 'spreadsheet stream failed after the headers were sent');
      res.destroy();
      return;
    }
    const e = error as { type?: string; status?: number };
    if (error instanceof ImportFileError) return sendError(res, error.status, error.toJSON());
    if (e.type === 'entity.too.large') {
      return sendError(res, 413, {
        code: 'PAYLOAD_TOO_LARGE',
        reason: 'FILE_TOO_LARGE',
        message: `The file is larger than ${Math.round(limit / 1024 / 1024)} MB; split it.`,
        messageZh: `文件超过 ${Math.round(limit / 1024 / 1024)} MB，请拆分后导入`,
      });
    }
    if (error instanceof GraphQLError && ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'].includes(String(error.extensions.code))) {
      const x = error.extensions as { code: string; reason?: string; field?: (string | number)[]; localizedMessage?: { zh: string; en: string } };
      const status = x.code === 'NOT_FOUND' ? 404 : x.code === 'CONFLICT' ? 409 : 400;
      return sendError(res, status, {
        code: x.code,
        ...(x.reason ? { reason: x.reason } : {}),
        message: error.message,
        messageZh: x.localizedMessage?.zh ?? error.message,
        ...(x.field ? { path: x.field } : {}),
      });
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return sendError(res, e.status, { code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST', message: 'Bad request.', messageZh: '请求有误' });
    }
    if (isDatabaseUnavailable(error)) {
      // An importing system retries on this; the import's transaction never committed in part.
      logger.warn({ error: describeError(error) }, 'database unavailable');
      res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendError(res, 503, {
        code: 'SERVICE_UNAVAILABLE',
        message: SERVICE_UNAVAILABLE_MESSAGE.en,
        messageZh: SERVICE_UNAVAILABLE_MESSAGE.zh,
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      });
    }
    next(error);
  });
  return router;
}
