import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import ICAL from 'ical.js';
import { validateXML } from 'xmllint-wasm';
import { projectRoot } from '@lectern/project-root';

/** Validators of the programme's feeds against the published schemas (copies in test/fixtures/c3voc, see its README). */

const FIXTURES = join(projectRoot(), 'test', 'fixtures', 'c3voc');

/** The published c3voc JSON Schema (draft-06); its extra annotations (examples, deprecated, $todo) are not keywords. */
export function c3vocJsonValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  ajv.addFormat('color', true);
  return ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'schema.json'), 'utf8')) as object);
}

/** xmllint (libxml2, compiled to WebAssembly) on a schedule.xml against the published frab XSD: its verdict and output. */
export async function validateScheduleXml(xml: string, fileName = 'schedule.xml') {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: 'schedule.xml.xsd', contents: readFileSync(join(FIXTURES, 'schedule.xml.xsd'), 'utf8') }],
    // the demo's programme needs more than the default WebAssembly memory (256 pages of 64 KiB)
    initialMemoryPages: 1024,
    maxMemoryPages: 4096,
  });
  return { valid: result.valid, output: result.rawOutput.trim() };
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  sequence: number;
  status: string;
  location: string | null;
  description: string | null;
}

/** An iCalendar text read back by a real parser (ical.js), its events as plain values. */
export function readCalendar(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toJSDate(),
        end: event.endDate.toJSDate(),
        sequence: event.sequence,
        status: String(component.getFirstPropertyValue('status')),
        location: event.location || null,
        description: event.description || null,
      };
    }),
  };
}
