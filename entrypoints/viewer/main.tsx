import { render } from 'preact';
import { ViewerPage } from './ViewerPage';

render(<ViewerPage />, document.getElementById('app')!);
