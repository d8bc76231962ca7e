/**
 * Writes a sample data set as JSON without building the whole text in memory: one record per line,
 * streamed in chunks, so a 600,000-record set never exists twice. Reading it back is plain
 * `JSON.parse` (see {@link readSampleData}).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { SampleDataSet } from './types';

/** Records per chunk handed to the stream. */
const CHUNK_RECORDS = 2000;

/**
 * The file's text in chunks: `{"meta":…,"records":{` then each object's records one per line.
 * Concatenating the chunks gives exactly the file's bytes.
 */
export function* serializeSampleData(data: SampleDataSet): Generator<string> {
  yield `{"meta":${JSON.stringify(data.meta)},"records":{`;
  const objects = Object.keys(data.records);
  for (let o = 0; o < objects.length; o++) {
    const name = objects[o];
    const records = data.records[name];
    yield `${o > 0 ? ',' : ''}\n${JSON.stringify(name)}:[`;
    for (let start = 0; start < records.length; start += CHUNK_RECORDS) {
      const end = Math.min(records.length, start + CHUNK_RECORDS);
      let chunk = '';
      for (let i = start; i < end; i++)
        chunk += `${i > 0 ? ',' : ''}\n${JSON.stringify(records[i])}`;
      yield chunk;
    }
    yield records.length > 0 ? '\n]' : ']';
  }
  yield '\n}}\n';
}

/** Streams the data set to a file, respecting back-pressure. */
export async function writeSampleData(data: SampleDataSet, path: string): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(stream, 'error').then(([error]) => {
    throw error as Error;
  });
  try {
    for (const chunk of serializeSampleData(data)) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    }
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
  } finally {
    stream.destroy();
  }
}

/**
 * Reads a data file written by {@link writeSampleData} (or by hand), checking its outline and
 * naming the file and the place when it is wrong.
 */
export function readSampleData(path: string): SampleDataSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not a readable JSON data file (${(error as Error).message})`);
  }
  const data = parsed as Partial<SampleDataSet>;
  if (!data || typeof data !== 'object' || !data.meta || typeof data.meta !== 'object') {
    throw new Error(`${path}: meta: missing; expected { "meta": {…}, "records": {…} }`);
  }
  if (typeof data.meta.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(data.meta.asOf)) {
    throw new Error(`${path}: meta.asOf: expected a date YYYY-MM-DD`);
  }
  if (!data.records || typeof data.records !== 'object') {
    throw new Error(`${path}: records: missing; expected an object keyed by sObject API name`);
  }
  for (const [name, records] of Object.entries(data.records)) {
    if (!Array.isArray(records))
      throw new Error(`${path}: records.${name}: expected an array of records`);
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as unknown;
      if (
        !record ||
        typeof record !== 'object' ||
        typeof (record as { Id?: unknown }).Id !== 'string'
      ) {
        throw new Error(`${path}: records.${name}[${i}]: expected a record with a string Id`);
      }
    }
  }
  return data as SampleDataSet;
}
