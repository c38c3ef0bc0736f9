// Answers the popup's scope question in a fresh profile, as a returning user already has: "Skip for now" (every suite
// in scope, as before the question existed) or the roles given by their labels. Through the real popup.
import { WAIT_MS, type Launched } from '../../scripts/browser';

export async function answerScope(launched: Launched, roles: string[] | 'skip' = 'skip'): Promise<void> {
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  const question = popup.getByRole('region', { name: 'Your scope' });
  await question.waitFor({ timeout: WAIT_MS });
  if (roles === 'skip') await question.getByRole('button', { name: 'Skip for now' }).click();
  else {
    for (const label of roles) await question.getByLabel(label, { exact: true }).check();
    await question.getByRole('button', { name: 'Use this scope' }).click();
  }
  await popup.locator('.scope-line').waitFor({ timeout: WAIT_MS });
  await popup.close();
}
