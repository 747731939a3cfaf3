import { writeFileSync } from 'node:fs';
import { errorDocs } from '../src/app/error-docs.ts';

writeFileSync('docs/errors.md', errorDocs());
console.log('docs/errors.md written');
