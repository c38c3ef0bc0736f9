// Offers to capture the National Occupational Standard the page prints: the page's HTML is read and recognised here,
// in the popup (never on the page's thread); the user previews it, picks a suite, saves (or updates) it through the
// background, and says whether it is the same standard as a bundled unit whose title it has.
import { useEffect, useState } from 'preact/hooks';
import { send, sendToTab } from '@/lib/ext/send';
import { pageDb } from '@/lib/ext/live';
import { errorMessage } from '@/lib/errors';
import { collectBlocks } from '@/lib/page/blocks';
import { recogniseNosRecord, type NosRecord } from '@/lib/capture/nos-record';
import { capturedUnitId, defaultSuiteTitle } from '@/lib/capture/to-unit';
import { diffCaptures, type CaptureDiff } from '@/lib/capture/diff';
import { linkCandidates } from '@/lib/capture/link';
import { buildMatcher } from '@/lib/match/matcher';
import { assembleSuites, evidenceKeptByUpdate, getUnit, unitsByIds } from '@/lib/store';
import type { SavedCapture } from '@/lib/store/captured';
import { isWebPage, type ActiveTab } from './use-active-tab';

export type { SavedCapture };

/** A bundled unit the captured title names. */
export interface SameStandard {
  unitId: string;
  code: string | null;
  title: string;
  suiteTitle: string;
}

/** What the page holds and what NOS Lens already has of it. */
export interface CaptureOfferState {
  record: NosRecord;
  url: string;
  /** The suite the record names, else "Captured standards". */
  defaultSuite: string;
  /** The user's own suites (a new capture may go into one). */
  userSuites: { id: string; title: string }[];
  /** An earlier capture of the same URN: when, where, and what changed since. */
  earlier: {
    capturedAt: number;
    suiteTitle: string;
    diff: CaptureDiff;
    /** Statements the update removes that evidence points at, and how many pieces: the evidence keeps them. */
    evidenceKept: { printed: string[]; pieces: number } | null;
  } | null;
  /** The bundled unit the captured unit is linked to, if any. */
  linkedTo: SameStandard | null;
  /** The bundled unit to ask about (exact title first), when not linked yet. */
  candidate: SameStandard | null;
}

export type CaptureStep = 'offer' | 'preview' | 'saving' | 'saved';

/** Where a new capture goes: an existing suite's id, or a name (made if new). */
export type SuiteChoice = { suiteId: string } | { suiteTitle: string };

async function readOffer(tab: ActiveTab): Promise<CaptureOfferState | null> {
  const page = await sendToTab(tab.id, { type: 'nosLens:pageHtml' });
  // Parsed and read here, in the popup: the page's own thread is the page's.
  const input =
    page.html !== null
      ? collectBlocks(new DOMParser().parseFromString(page.html, 'text/html')).map((b) => b.text)
      : page.text;
  const record = recogniseNosRecord(input, { pageTitle: page.title, url: page.url });
  if (!record) return null;
  const db = pageDb();
  const [stored, suites, bundled] = await Promise.all([
    getUnit(db, capturedUnitId(record)),
    db.suites.orderBy('order').toArray(),
    assembleSuites(db, { origin: 'bundled', slim: true }),
  ]);
  const captured = stored?.captured ?? null;
  const describe = async (ids: string[]): Promise<SameStandard[]> =>
    (await unitsByIds(db, ids)).flatMap((u) =>
      u ? [{ unitId: u.id, code: u.code, title: u.title, suiteTitle: u.suiteTitle }] : [],
    );
  const linkedTo = captured?.sameAs ? ((await describe([captured.sameAs]))[0] ?? null) : null;
  const candidates = linkedTo ? [] : linkCandidates(record.title, buildMatcher(bundled));
  return {
    record,
    url: page.url,
    defaultSuite: defaultSuiteTitle(record),
    userSuites: suites.filter((s) => s.origin === 'user').map((s) => ({ id: s.id, title: s.title })),
    earlier:
      stored && captured
        ? {
            capturedAt: captured.capturedAt,
            suiteTitle: suites.find((s) => s.id === stored.suiteId)?.title ?? stored.suiteId,
            diff: diffCaptures(captured.record, record),
            evidenceKept: await evidenceKeptByUpdate(db, stored, diffCaptures(captured.record, record)),
          }
        : null,
    linkedTo,
    candidate: (await describe(candidates.slice(0, 1).map((c) => c.unitId)))[0] ?? null,
  };
}

export function useCapture(tab: ActiveTab | null, seeded: boolean) {
  const [offer, setOffer] = useState<CaptureOfferState | null>(null);
  const [step, setStep] = useState<CaptureStep>('offer');
  const [saved, setSaved] = useState<SavedCapture | null>(null);
  const [declined, setDeclined] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    if (!seeded || !isWebPage(tab)) return;
    // A page that cannot be read or is no standard offers nothing: the Matches section says when it cannot be read.
    void readOffer(tab)
      .then(setOffer)
      .catch(() => setOffer(null));
  }, [tab, seeded, reads]);

  const save = async (choice: SuiteChoice) => {
    if (!offer) return;
    setStep('saving');
    setError(null);
    try {
      const done = await send({ type: 'captureStandard', record: offer.record, url: offer.url, ...choice });
      setSaved(done);
      setStep('saved');
      setReads((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
      setStep('preview');
    }
  };

  /** The answer to "Is this the same standard as …?": yes links it, no leaves it apart. */
  const answerLink = async (same: boolean) => {
    if (!offer?.candidate) return;
    if (!same) return setDeclined(true);
    setError(null);
    try {
      await send({ type: 'linkCapture', unitId: capturedUnitId(offer.record), sameAs: offer.candidate.unitId });
      setReads((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return {
    /** Shaped as CaptureOffer's props, or null when the page is no standard. */
    view: offer && {
      offer,
      step,
      saved,
      error,
      /** Ask about the bundled unit once the standard is stored (saved now or before) and not linked. */
      askLink: !declined && !!offer.candidate && !offer.linkedTo && (!!offer.earlier || !!saved),
      onPreview: () => setStep('preview'),
      onCancel: () => setStep('offer'),
      onSave: (choice: SuiteChoice) => void save(choice),
      onLink: (same: boolean) => void answerLink(same),
    },
  };
}
