import { pino, type Logger } from 'pino';

/**
 * JSON lines on stdout. What goes in: request ids, operation names, timings, statement counts,
 * error kinds and stacks. What never goes in: GraphQL variables, arguments, SQL parameters or
 * row contents — they carry personal data of Party members.
 */
export function createLogger(options: { level?: string } = {}): Logger {
  return pino({
    level: options.level ?? 'info',
    base: { service: 'liangxin-server' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['headers.authorization', 'headers.cookie', '*.headers.authorization', '*.headers.cookie'], censor: '[redacted]' },
  });
}

/** A logger that writes nothing, for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
