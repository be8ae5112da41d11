// pino JSON logs. Personal data stays out: URLs are logged without query strings,
// and as a last safety net anything shaped like a CPR number is masked in the
// written line (a CPR must never reach a log, whatever a developer logs).
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';

/** ddmmyy-xxxx or ddmmyyxxxx with a plausible day and month, not part of a longer number. */
const CPR_LIKE = /(?<![\d-])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})-?(\d{4})(?![\d-])/g;

export function maskCpr(text: string): string {
  return text.replace(CPR_LIKE, '[cpr]');
}

/**
 * A request id: a UUID that the CPR mask leaves alone. About 1 UUID in 6,000 holds ten digits that
 * read as a date; masked, that request's log lines could not be found by the id on its error page.
 */
export function newRequestId(draw: () => string = randomUUID): string {
  for (;;) {
    const id = draw();
    if (maskCpr(id) === id) return id;
  }
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { app: 'kanal' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    hooks: { streamWrite: maskCpr },
  };
}

export function createLogger(level: string, destination?: DestinationStream): pino.Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
