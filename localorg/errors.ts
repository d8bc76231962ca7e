/**
 * Salesforce's error shapes. REST calls answer `[{ message, errorCode, fields? }]` with an HTTP
 * status; sObject collections report per record `{ statusCode, message, fields }` inside a 200.
 */

/** One error, as the org would report it. */
export class SfError extends Error {
  constructor(
    /** Salesforce's code: INVALID_FIELD, REQUIRED_FIELD_MISSING, … */
    readonly code: string,
    message: string,
    readonly fields: string[] = [],
    /** HTTP status when the error ends the whole request. */
    readonly status = 400
  ) {
    super(message);
    this.name = 'SfError';
  }

  /** The REST body form: `{ message, errorCode, fields }`. */
  toRest(): { message: string; errorCode: string; fields?: string[] } {
    return this.fields.length > 0
      ? { message: this.message, errorCode: this.code, fields: this.fields }
      : { message: this.message, errorCode: this.code };
  }

  /** The per-record form used by sObject collections and composite results. */
  toRecordError(): { statusCode: string; message: string; fields: string[] } {
    return { statusCode: this.code, message: this.message, fields: this.fields };
  }
}

/** 404 for an unknown resource. */
export function notFound(message = 'The requested resource does not exist'): SfError {
  return new SfError('NOT_FOUND', message, [], 404);
}

/** 400 for a body that is not what the resource expects. */
export function badRequest(message: string, code = 'JSON_PARSER_ERROR'): SfError {
  return new SfError(code, message, [], 400);
}
