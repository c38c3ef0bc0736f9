// Sends a typed request to the background and unwraps its reply (extension pages and content scripts).
import { browser } from 'wxt/browser';
import type { Replies, Reply, Request } from '../messages';

export async function send<R extends Request>(request: R): Promise<Replies[R['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Replies[R['type']]> | undefined;
  if (!reply) throw new Error('NOS Lens background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
