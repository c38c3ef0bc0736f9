// Sending to the background when its service worker stops before answering: the error says so plainly, and a
// request that is safe to repeat is sent once more, and only once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { send, sendRepeatable } from '@/lib/ext/send';
import { EXTENSION_GONE, messagingError, NO_ANSWER, NoAnswerError } from '@/lib/errors';
import type { Request } from '@/lib/messages';

const CHANNEL_CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a ' +
  'response was received';

const repeatable: Request = { type: 'deleteEvidence', id: 'ev-1' };

/** The background's replies in turn: an Error is thrown as the browser would, anything else is answered. */
function background(...replies: unknown[]) {
  const spy = vi.spyOn(browser.runtime, 'sendMessage');
  for (const reply of replies)
    if (reply instanceof Error) spy.mockRejectedValueOnce(reply);
    else spy.mockResolvedValueOnce(reply as never);
  return spy;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a background that stops before it answers', () => {
  it('is reported as no answer, in words, from Chromium and Firefox alike', () => {
    for (const raw of [
      CHANNEL_CLOSED,
      'The message port closed before a response was received.',
      'Promised response from onMessage listener went out of scope',
    ]) {
      const e = messagingError(new Error(raw));
      expect(e).toBeInstanceOf(NoAnswerError);
      expect(e.message).toBe(NO_ANSWER);
    }
    expect(messagingError(new Error('Extension context invalidated.')).message).toBe(EXTENSION_GONE);
  });

  it('send does not repeat a request', async () => {
    const spy = background(new Error(CHANNEL_CLOSED), { ok: true, data: null });
    await expect(send(repeatable)).rejects.toBeInstanceOf(NoAnswerError);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('sendRepeatable sends the same request once more and returns its answer', async () => {
    const spy = background(new Error(CHANNEL_CLOSED), { ok: true, data: { id: 'ev-1' } });
    await expect(sendRepeatable(repeatable)).resolves.toEqual({ id: 'ev-1' });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls[1][0]).toEqual(spy.mock.calls[0][0]);
  });

  it('sendRepeatable gives up after the second unanswered try', async () => {
    const spy = background(new Error(CHANNEL_CLOSED), new Error(CHANNEL_CLOSED), { ok: true, data: null });
    await expect(sendRepeatable(repeatable)).rejects.toBeInstanceOf(NoAnswerError);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('sendRepeatable does not repeat a request the background refused or answered with an error', async () => {
    const refused = background({ ok: false, error: 'This evidence was changed in another tab' });
    await expect(sendRepeatable(repeatable)).rejects.toThrow('changed in another tab');
    expect(refused).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    const gone = background(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendRepeatable(repeatable)).rejects.toThrow(EXTENSION_GONE);
    expect(gone).toHaveBeenCalledTimes(1);
  });
});
