const words = require('./lib/words.js');
const limits = require('./limits.json');
module.exports = (output, context) => words.has(output, context.vars.name) && output.length <= limits.max;
