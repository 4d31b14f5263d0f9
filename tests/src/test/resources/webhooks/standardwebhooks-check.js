// Runs the npm package standardwebhooks (the reference JavaScript implementation of Standard
// Webhooks) on cases read as a JSON array from stdin; prints a JSON array of results.
//   {"op":"sign","secret","id","timestamp","body"}   -> {"signature":"v1,..."}
//   {"op":"verify","secret","headers","body"}       -> {"ok":true,"payload":{...}} or {"ok":false,"error":"..."}
// The package directory comes from the environment variable STANDARDWEBHOOKS_DIR.
"use strict";
const { Webhook } = require(process.env.STANDARDWEBHOOKS_DIR);

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map((c) => {
    const webhook = new Webhook(c.secret);
    if (c.op === "sign") {
      return { signature: webhook.sign(c.id, new Date(c.timestamp * 1000), c.body) };
    }
    try {
      return { ok: true, payload: webhook.verify(c.body, c.headers) };
    } catch (e) {
      return { ok: false, error: e.message };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
