import { writeFileSync } from 'node:fs';
import { writeOpenApi } from './openapi.ts';

writeFileSync('openapi.json', await writeOpenApi());
console.log('openapi.json written');
