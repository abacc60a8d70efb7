import postgres from 'postgres';
const sql = postgres(process.env.URL ?? 'postgres://postgres@127.0.0.1:5432/test', { max: 16 });
await sql`select 1`;
for (const inFlight of [1, 16]) {
  const N = 20000; let next = 0; const cpu = process.cpuUsage(); const s = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => { while (next++ < N) await sql`select ${next}::int as x`; }));
  const ms = performance.now() - s; const u = process.cpuUsage(cpu);
  console.log(inFlight, (N / ms * 1000).toFixed(0) + '/s', (u.user / N).toFixed(1) + ' µs user', (u.system / N).toFixed(1) + ' µs sys per query');
}
await sql.end();
