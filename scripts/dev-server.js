#!/usr/bin/env node
// Serves the add-in on https://localhost:3000 with generated development certificates.
// Certificates are generated (offline) into .certs/; installing them into the OS trust store needs
// admin rights, so this only prints how to trust them. Usage: node scripts/dev-server.js [--no-build]
const path = require("path");
const fs = require("fs");
const { spawn } = require("child_process");

const root = path.resolve(__dirname, "..");
const certs = path.join(root, ".certs");

async function ensureCerts() {
  const crt = path.join(certs, "localhost.crt");
  if (fs.existsSync(crt)) return true;
  try {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    fs.mkdirSync(certs, { recursive: true });
    await generateCertificates(path.join(certs, "ca.crt"), crt, path.join(certs, "localhost.key"), 30, ["localhost", "127.0.0.1"]);
    console.log(`Development certificates written to ${certs}.`);
    console.log(`Trust ${path.join(certs, "ca.crt")} once in your OS or browser so Excel accepts https://localhost:3000 (this needs admin rights; it is not done for you).`);
    return true;
  } catch (e) {
    console.error(`Could not generate development certificates (${e && e.message ? e.message : e}).`);
    console.error("Falling back to webpack's self-signed certificate: Excel will refuse it until you trust it in the browser first (open https://localhost:3000/taskpane.html and accept).");
    return false;
  }
}

async function main() {
  await ensureCerts();
  const webpackCli = path.join(root, "node_modules", "webpack", "bin", "webpack.js");
  const args = ["serve", "--mode", process.env.NODE_ENV === "production" ? "production" : "development"];
  const child = spawn(process.execPath, [webpackCli, ...args], { cwd: root, stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
}

main().catch((e) => {
  console.error(e && e.message ? e.message : String(e));
  process.exit(1);
});
