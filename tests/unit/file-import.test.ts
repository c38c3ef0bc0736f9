// The file import's steps: the happy path, refusals and failures, and events that arrive at the wrong step (a late
// result, a second click) leaving the state as it is.
import { describe, expect, it } from 'vitest';
import { fileImportReducer, IDLE, type FileImportEvent, type FileImportState } from '@/lib/ext/file-import';

type State = FileImportState<string, number, string>;
type Event = FileImportEvent<string, number, string>;

const run = (events: Event[], from: State = IDLE): State =>
  events.reduce(fileImportReducer<string, number, string>, from);

describe('file import steps', () => {
  it('goes from a chosen file through its preview to done', () => {
    const reading = run([{ type: 'chosen', file: 'a.json' }]);
    expect(reading).toEqual({ step: 'reading', file: 'a.json' });
    const preview = run([{ type: 'previewed', parsed: 'backup', preview: 3 }], reading);
    expect(preview).toEqual({ step: 'preview', file: 'a.json', parsed: 'backup', preview: 3 });
    const applying = run([{ type: 'apply' }], preview);
    expect(applying).toEqual({ step: 'applying', file: 'a.json', parsed: 'backup', preview: 3 });
    expect(run([{ type: 'settled', outcome: 'added 3' }], applying)).toEqual({
      step: 'done',
      file: 'a.json',
      outcome: 'added 3',
    });
  });

  it('settles at once when there is nothing to apply', () => {
    expect(
      run([
        { type: 'chosen', file: 'a.json' },
        { type: 'settled', outcome: 'nothing' },
      ]),
    ).toEqual({
      step: 'done',
      file: 'a.json',
      outcome: 'nothing',
    });
  });

  it('refuses a file with its problems, and reports a failure while reading or applying', () => {
    expect(
      run([
        { type: 'chosen', file: 'bad.csv' },
        { type: 'refused', errors: ['line 3: empty'] },
      ]),
    ).toEqual({
      step: 'invalid',
      file: 'bad.csv',
      errors: ['line 3: empty'],
    });
    expect(
      run([
        { type: 'chosen', file: 'a.json' },
        { type: 'failed', error: 'unreadable' },
      ]),
    ).toEqual({
      step: 'failed',
      file: 'a.json',
      error: 'unreadable',
    });
    expect(
      run([
        { type: 'chosen', file: 'a.json' },
        { type: 'previewed', parsed: 'backup', preview: 1 },
        { type: 'apply' },
        { type: 'failed', error: 'quota' },
      ]),
    ).toEqual({ step: 'failed', file: 'a.json', error: 'quota' });
  });

  it('cancels a preview, and starts over with a new file from any step but applying', () => {
    const preview = run([
      { type: 'chosen', file: 'a.json' },
      { type: 'previewed', parsed: 'backup', preview: 1 },
    ]);
    expect(run([{ type: 'cancel' }], preview)).toEqual(IDLE);
    expect(run([{ type: 'chosen', file: 'b.json' }], preview)).toEqual({ step: 'reading', file: 'b.json' });
    const done = run([{ type: 'apply' }, { type: 'settled', outcome: 'ok' }], preview);
    expect(run([{ type: 'chosen', file: 'c.json' }], done)).toEqual({ step: 'reading', file: 'c.json' });
  });

  it('ignores events that do not fit the step', () => {
    const idle: State = IDLE;
    expect(run([{ type: 'apply' }], idle)).toBe(idle);
    expect(run([{ type: 'previewed', parsed: 'x', preview: 1 }], idle)).toBe(idle);
    expect(run([{ type: 'settled', outcome: 'x' }], idle)).toBe(idle);

    const preview = run([
      { type: 'chosen', file: 'a.json' },
      { type: 'previewed', parsed: 'backup', preview: 1 },
    ]);
    // A late result of reading, after the preview is shown.
    expect(run([{ type: 'refused', errors: ['late'] }], preview)).toBe(preview);
    expect(run([{ type: 'settled', outcome: 'late' }], preview)).toBe(preview);

    const applying = run([{ type: 'apply' }], preview);
    // A second click on Import, a new file or Cancel while the write is under way.
    expect(run([{ type: 'apply' }], applying)).toBe(applying);
    expect(run([{ type: 'chosen', file: 'b.json' }], applying)).toBe(applying);
    expect(run([{ type: 'cancel' }], applying)).toBe(applying);
  });
});
