const pg = require('pg');
const counts = new Map();
const orig = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : config && config.text;
  const key = (text || '?').replace(/\s+/g, ' ').slice(0, 90);
  counts.set(key, (counts.get(key) || 0) + 1);
  return orig.call(this, config, ...rest);
};
process.on('exit', () => {
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(String(n).padStart(7), k);
});
require('./driver.js');
