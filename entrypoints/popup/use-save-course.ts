// Saving the page as a course: the units it names, and what its text matches across every suite.
import { useState } from 'preact/hooks';
import { send, sendToTab } from '@/lib/ext/send';
import { errorMessage } from '@/lib/errors';
import { COURSE_MATCH_THRESHOLD } from '@/lib/portfolio/compare';
import type { FoundUnit } from '@/lib/messages';
import type { PageSnapshot } from '@/lib/tab-commands';
import type { ActiveTab } from './use-active-tab';
import type { Ranking } from './use-standards';

export interface CourseSave {
  busy: boolean;
  message: string | null;
  error: string | null;
}

const plural = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;

export function useSaveCourse(
  tab: ActiveTab | null,
  found: FoundUnit[] | null,
  ranking: Ranking | null,
  pageText: string | null,
) {
  const [course, setCourse] = useState<CourseSave>({ busy: false, message: null, error: null });

  const saveAsCourse = async () => {
    if (!tab) return;
    setCourse({ busy: true, message: null, error: null });
    const snap: PageSnapshot | null = await sendToTab(tab.id, { type: 'nosLens:snapshot' }).catch(() => null);
    const explicit = (found ?? []).map((u) => ({ unitId: u.unitId, count: u.count }));
    const ranked =
      ranking && pageText !== null
        ? ranking.ranker.rank(pageText, { explicit: new Map(explicit.map((e) => [e.unitId, e.count])), limit: 30 })
        : [];
    try {
      const saved = await send({
        type: 'saveCourse',
        course: {
          url: snap?.url ?? tab.url,
          title: snap?.title ?? tab.title,
          explicit,
          matches: ranked.map((m) => ({ unitId: m.unitId, score: Math.max(0, m.score) })),
          snapshot: snap?.text ?? null,
        },
      });
      // Counted as the comparison counts them: matched strongly enough, and not named.
      const matched = saved.matches.filter(
        (m) => m.score >= COURSE_MATCH_THRESHOLD && !saved.explicit.some((e) => e.unitId === m.unitId),
      ).length;
      setCourse({
        busy: false,
        message: `Saved as a course: ${plural(saved.explicit.length)} named, ${matched} matched.`,
        error: null,
      });
    } catch (e) {
      setCourse({ busy: false, message: null, error: errorMessage(e) });
    }
  };
  return { course, saveAsCourse };
}
