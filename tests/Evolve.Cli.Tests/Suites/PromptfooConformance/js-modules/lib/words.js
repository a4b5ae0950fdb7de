module.exports = { has: (text, word) => text.includes(word) };
