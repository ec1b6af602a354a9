// Hardhat runs only as a local JSON-RPC node for devnet; nothing is compiled by Hardhat (its
// compiler would download solc), so sources point at an empty folder. TestUSD is compiled with solc-js.
const path = require('node:path')
const os = require('node:os')
const scratch = path.join(os.tmpdir(), 'mppkit-devnet-hardhat')
module.exports = {
  networks: { hardhat: { chainId: 31337, mining: { auto: true } } },
  paths: { root: __dirname, sources: path.join(__dirname, 'no-sources'), cache: path.join(scratch, 'cache'), artifacts: path.join(scratch, 'artifacts') },
}
