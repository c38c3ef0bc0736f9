import { render } from 'preact';
import { App } from './App';
import { popupAddress } from './address';

// Opened as a full tab to tag a page (from the card or the context menu), the page lays itself out for a tab.
if (popupAddress.tagUnits !== null) document.body.classList.add('in-tab');
render(<App />, document.getElementById('app')!);
