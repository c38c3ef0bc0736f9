import { render } from 'preact';
import { CoursesPage } from './CoursesPage';

render(<CoursesPage />, document.getElementById('app')!);
