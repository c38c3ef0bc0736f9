// Sends a typed request to the background and unwraps its reply (extension pages and content scripts); and a typed
// command to a tab's content script (extension pages).
import { browser } from 'wxt/browser';
import type { ReplyOf, Reply, Request } from '../messages';
import { messagingError, NoAnswerError } from '../errors';
import type { TabCommandOf, TabCommandType, TabReplies } from '../tab-commands';

export async function send<R extends Request>(request: R): Promise<ReplyOf<R['type']>> {
  let reply: Reply<ReplyOf<R['type']>> | undefined;
  try {
    reply = await browser.runtime.sendMessage<R, Reply<ReplyOf<R['type']>> | undefined>(request);
  } catch (e) {
    throw messagingError(e);
  }
  if (!reply) throw new Error('NOS Lens background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/**
 * Sends a request that is safe to repeat (it names the record it writes, so a second delivery updates what the first
 * wrote), and sends it once more if the background stopped before answering: the answer then says what is stored.
 */
export async function sendRepeatable<R extends Request>(request: R): Promise<ReplyOf<R['type']>> {
  try {
    return await send(request);
  } catch (e) {
    if (!(e instanceof NoAnswerError)) throw e;
    return send(request);
  }
}

/** Asks the top frame of a tab; rejects when no content script answers (browser pages, tabs opened before install). */
export async function sendToTab<K extends TabCommandType>(
  tabId: number,
  command: TabCommandOf<K>,
): Promise<TabReplies[K]> {
  const reply = await browser.tabs.sendMessage<TabCommandOf<K>, TabReplies[K] | undefined>(tabId, command, {
    frameId: 0,
  });
  if (reply === undefined) throw new Error('NOS Lens cannot read this page');
  return reply;
}
