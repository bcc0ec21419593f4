const { produceDemoReport } = require('./prisma/demo-data');
const { Client } = require('pg');
(async () => {
  const c = new Client({ connectionString: process.env.DATABASE_URL }); await c.connect();
  const { rows } = await c.query(`select id from events where slug='kubecon-china-2019'`); await c.end();
  const t = performance.now();
  const r = await produceDemoReport(process.env.DATABASE_URL, rows[0].id, 5);
  console.log('report ms', Math.round(performance.now() - t));
  const h = r.model.headline;
  console.log(JSON.stringify({ ...h, sessionsByFormat: h.sessionsByFormat.map(s => [s.key, s.count]), mediaLanguages: h.mediaLanguages.map(m => [m.key, m.count, m.percent]) }, null, 1));
  console.log(JSON.stringify(r.model.attendees.checkIn), JSON.stringify(r.model.yearOverYear.map(y => [y.slug, y.registrations, y.cfpSubmissions, y.sponsors])));
  console.log(JSON.stringify(r.model.content, null, 0).slice(0, 1500));
  console.log(JSON.stringify(r.model.privacy));
  require('fs').writeFileSync('/tmp/demo.en.pdf', r.pdf.en); require('fs').writeFileSync('/tmp/demo.zh.pdf', r.pdf['zh-CN']);
})().catch(e => { console.error(e); process.exit(1); });
