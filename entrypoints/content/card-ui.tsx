// Gives the card controller what needs the extension: a WXT shadow-root UI to mount in, UnitCard, units and timers.
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardController, type CardHit, type CardSurface, type CardView } from '@/lib/page/card-controller';
import { send } from '@/lib/ext/send';
import { UnitCard, type CardEntry } from '@/components/UnitCard';
import { EvidenceCard } from '@/components/EvidenceCard';
import cardCss from './card.css?inline';

/** A painted quote's key: this prefix, then the evidence's id. */
export const EVIDENCE_KEY = 'evidence:';

/** What a card shows: units (a reference) or a quote saved as evidence. */
export type CardItem = CardEntry | { evidenceId: string };

const isEvidence = (item: CardItem): item is { evidenceId: string } => 'evidenceId' in item;

/** The hover card for this page, its timers tied to `ctx` so that none fires after the script is invalidated. */
export function createCard(
  ctx: ContentScriptContext,
  hitAt: (x: number, y: number) => CardHit[],
  hitIn: (el: Element) => CardHit | null,
): CardController<CardItem> {
  return new CardController<CardItem>({
    doc: document,
    hitAt,
    hitIn,
    load: loadUnits,
    mount: () => mountCard(ctx),
    render: drawCard,
    timers: {
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      // WXT has no ctx.clearTimeout: its timeouts are cleared with the ordinary function.
      clearTimeout: (id) => clearTimeout(id),
      requestAnimationFrame: (fn) => ctx.requestAnimationFrame(fn),
    },
    signal: ctx.signal,
  });
}

async function loadUnits(unitIds: string[]): Promise<CardItem[]> {
  // A saved quote needs nothing from the background until the user asks to open it.
  if (unitIds.length === 1 && unitIds[0].startsWith(EVIDENCE_KEY))
    return [{ evidenceId: unitIds[0].slice(EVIDENCE_KEY.length) }];
  const got = await Promise.all(unitIds.map((unitId) => send({ type: 'getUnit', unitId })));
  return got.filter((g): g is CardEntry => g !== null);
}

async function mountCard(ctx: ContentScriptContext): Promise<CardSurface> {
  const ui = await createShadowRootUi(ctx, {
    name: 'nos-lens-card',
    position: 'inline',
    anchor: 'body',
    css: cardCss,
    // Closed: the page's scripts see the host element but not what is in it (the user's own suites, the buttons).
    // The controller keeps the root it is handed, which is all it needs to move focus into the card.
    mode: 'closed',
    onMount: () => undefined,
    onRemove: () => undefined,
  });
  ui.mount();
  return { host: ui.shadowHost, root: ui.shadow, container: ui.uiContainer, remove: () => ui.remove() };
}

function drawCard(container: HTMLElement, view: CardView<CardItem> | null): void {
  if (!view) {
    render(null, container);
    return;
  }
  const saved = view.entries?.find(isEvidence);
  if (saved) {
    render(
      <EvidenceCard
        matched={view.matched}
        onOpenPortfolio={() => void send({ type: 'openEvidence', evidenceId: saved.evidenceId }).catch(() => undefined)}
        onClose={view.close}
      />,
      container,
    );
    return;
  }
  render(
    <UnitCard
      matched={view.matched}
      closeTitle={view.closeTitle}
      entries={view.entries?.filter((e): e is CardEntry => !isEvidence(e)) ?? null}
      error={view.error}
      onOpen={(unitId) => void send({ type: 'openUnit', unitId }).catch(() => undefined)}
      onTag={(unitId) => void send({ type: 'openTagForm', unitIds: [unitId] }).catch(() => undefined)}
      onClose={view.close}
    />,
    container,
  );
}
