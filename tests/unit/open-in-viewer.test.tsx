// @vitest-environment happy-dom
// The popup's offer on a document tab, as rendered: the plain offer, a local file in Chrome with file access off (how
// to allow it, the picker instead, the settings page), a local file in Firefox (the picker only), a Word document, and
// the viewer's own tab; each action a real button that raises its event. And a page's document links.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentLinks } from '@/components/DocumentLinks';
import { OpenInViewer, type OpenInViewerProps } from '@/components/OpenInViewer';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function show(props: Partial<OpenInViewerProps> & Pick<OpenInViewerProps, 'place'>) {
  const raised: string[] = [];
  const root = document.body.appendChild(document.createElement('div'));
  const all = {
    error: null,
    onOpen: () => raised.push('open'),
    onChoose: () => raised.push('choose'),
    onFileSettings: () => raised.push('settings'),
    ...props,
  } as OpenInViewerProps;
  render(<OpenInViewer {...all} />, root);
  const buttons = () => [...root.querySelectorAll('button')].map((b) => text(b));
  const press = (name: string) =>
    [...root.querySelectorAll('button')].find((b) => text(b) === name)!.dispatchEvent(new MouseEvent('click'));
  return { root, raised, buttons, press };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('OpenInViewer', () => {
  it('a PDF on the web: says why, and opens it', () => {
    const view = show({ place: 'document', kind: 'pdf', file: false, access: 'allowed' });
    expect(text(view.root.querySelector('.status'))).toBe(
      "This tab shows a PDF. The browser's own PDF viewer can't be read by extensions; NOS Lens opens it in its own viewer.",
    );
    expect(view.buttons()).toEqual(['Open in NOS Lens']);
    view.press('Open in NOS Lens');
    expect(view.raised).toEqual(['open']);
  });

  it('a local PDF in Chrome with file access off: how to allow it, the picker instead, and the settings page', () => {
    const view = show({ place: 'document', kind: 'pdf', file: true, access: 'off' });
    const hint = text(view.root.querySelector('.hint'));
    expect(hint).toContain('chrome://extensions');
    expect(hint).toContain('Details under NOS Lens');
    expect(hint).toContain('Allow access to file URLs');
    expect(view.buttons()).toEqual(['Choose the file instead', 'Open extension settings']);
    view.press('Choose the file instead');
    view.press('Open extension settings');
    expect(view.raised).toEqual(['choose', 'settings']);
  });

  it('a local PDF in Chrome with file access on is opened like any other', () => {
    const view = show({ place: 'document', kind: 'pdf', file: true, access: 'allowed' });
    expect(view.root.querySelector('.hint')).toBeNull();
    expect(view.buttons()).toEqual(['Open in NOS Lens']);
  });

  it('a local file in Firefox: the picker, with no Chrome instructions', () => {
    const view = show({ place: 'document', kind: 'pdf', file: true, access: 'never' });
    const hint = text(view.root.querySelector('.hint'));
    expect(hint).toContain('Firefox does not let extensions read files');
    expect(hint).not.toContain('chrome://');
    expect(view.buttons()).toEqual(['Choose the file instead']);
  });

  it('a Word document is named as one', () => {
    const view = show({ place: 'document', kind: 'docx', file: false, access: 'allowed' });
    expect(text(view.root.querySelector('.status'))).toBe(
      'This tab shows a Word document. NOS Lens opens it in its own viewer to read it.',
    );
  });

  it("the viewer's own tab: points to its panel, with nothing to press", () => {
    const view = show({ place: 'viewer' });
    expect(text(view.root)).toContain('This is the NOS Lens document viewer');
    expect(view.buttons()).toEqual([]);
  });

  it('says when opening failed, as an alert', () => {
    const view = show({
      place: 'document',
      kind: 'pdf',
      file: false,
      access: 'allowed',
      error: 'NOS Lens could not open its viewer: Tabs cannot be edited right now',
    });
    expect(text(view.root.querySelector('[role="alert"]'))).toBe(
      'NOS Lens could not open its viewer: Tabs cannot be edited right now',
    );
  });
});

describe('DocumentLinks', () => {
  it('renders nothing for a page without document links', () => {
    const root = document.body.appendChild(document.createElement('div'));
    render(<DocumentLinks links={[]} onOpen={() => undefined} />, root);
    expect(root.innerHTML).toBe('');
  });

  it('names each document and its kind, and each button says which document it opens', () => {
    const opened: string[] = [];
    const root = document.body.appendChild(document.createElement('div'));
    const links = [
      { url: 'https://school.example/jd.pdf', label: 'Job description', kind: 'pdf' as const },
      { url: 'https://school.example/form.docx', label: 'Application form', kind: 'docx' as const },
    ];
    render(<DocumentLinks links={links} onOpen={(url) => opened.push(url)} />, root);
    expect(text(root.querySelector('h2'))).toBe('Documents on this page (2)');
    expect([...root.querySelectorAll('li')].map(text)).toEqual([
      'Job description PDF Open in NOS Lens',
      'Application form Word Open in NOS Lens',
    ]);
    const second = root.querySelector('button[aria-label="Open in NOS Lens: Application form"]')!;
    second.dispatchEvent(new MouseEvent('click'));
    expect(opened).toEqual(['https://school.example/form.docx']);
  });
});
