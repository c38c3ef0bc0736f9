import { render } from 'preact';
import { PortfolioPage } from './PortfolioPage';

render(<PortfolioPage />, document.getElementById('app')!);
