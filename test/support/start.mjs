// `npm start`: builds the extension, then says how to run it. (Running VS Code in the browser
// with the extension loaded is the next step of the project's test harness.)
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
console.log(`
Paper Feed is built in ${root}/dist.

Try it in VS Code:
  - open this folder in VS Code and press F5 ("Run Extension"), or
  - npm run package && code --install-extension dist/paper-feed.vsix

Then click the Paper Feed icon in the activity bar.
`);
