import { render } from 'preact';
import { UnitPage } from './UnitPage';

render(<UnitPage unitId={new URLSearchParams(location.search).get('id') ?? ''} />, document.getElementById('app')!);
