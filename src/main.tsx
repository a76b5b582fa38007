import { start } from './host/start';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
void start(root);
