import { count } from './lib/count.mjs';
export default function (output, context) { return count(output) === 5 && output.includes(context.vars.city); }
export const short = (output) => ({ pass: count(output) < 5, score: 4 / count(output), reason: 'counted words' });
