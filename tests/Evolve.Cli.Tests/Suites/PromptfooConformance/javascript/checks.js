// Default export: passes when the order has more than five items.
module.exports = (output, context) => {
  const count = Number(context.vars.count);
  return { pass: count > 5, score: Math.min(1, count / 10), reason: `${count} items` };
};

// The share of characters that are digits, as the score.
module.exports.digitShare = (output) => {
  const digits = (output.match(/[0-9]/g) || []).length;
  return digits / output.length;
};
