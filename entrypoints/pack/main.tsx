import { render } from 'preact';
import { PackReviewPage } from './PackReviewPage';

render(<PackReviewPage />, document.getElementById('app')!);
