#!/bin/sh
# shipgate-hook: installed by `shipgate install`, removed by `shipgate uninstall`.
# Generated from node_modules/shipgate/hooks/shipgate-hook.sh; edits are lost on the next install.
hook=__HOOK__
node_bin='__NODE__'
cli='__CLI__'
project='__PROJECT__'
chained="$0.shipgate-chained"

# A hook that was here before shipgate runs first: it may still change the index (lint-staged),
# and shipgate must check what is actually committed. pre-push input is read once and replayed.
input=
if [ -x "$chained" ]; then
  if [ "$hook" = pre-push ]; then
    input=$(mktemp "${TMPDIR:-/tmp}/shipgate-push.XXXXXX") || exit 1
    trap 'rm -f "$input"' EXIT
    cat >"$input"
    "$chained" "$@" <"$input" || exit $?
  else
    "$chained" "$@" || exit $?
  fi
fi

if [ "$SHIPGATE" = 0 ]; then
  echo "shipgate: $hook checks skipped (SHIPGATE=0)" >&2
  exit 0
fi

# GUI git clients start hooks with a short PATH: SHIPGATE_NODE if set, then the node recorded
# at install time, then PATH, then the usual install locations.
if [ -n "$SHIPGATE_NODE" ]; then
  node_bin=$SHIPGATE_NODE
  [ -x "$node_bin" ] || node_bin=
elif [ ! -x "$node_bin" ]; then
  node_bin=$(command -v node 2>/dev/null)
fi
if [ -z "$node_bin" ] && [ -z "$SHIPGATE_NODE" ]; then
  for candidate in /usr/local/bin/node /opt/homebrew/bin/node /usr/bin/node "$HOME/.volta/bin/node" \
    "$HOME/.local/share/fnm/aliases/default/bin/node" "$HOME"/.nvm/versions/node/*/bin/node; do
    if [ -x "$candidate" ]; then node_bin=$candidate; fi
  done
fi
[ -f "$cli" ] || cli="$project/node_modules/shipgate/dist/bin.cjs"
[ -f "$cli" ] || cli="./node_modules/shipgate/dist/bin.cjs"
if [ -z "$node_bin" ] || [ ! -f "$cli" ]; then
  {
    echo "shipgate: cannot run the $hook check, so it is blocked."
    if [ -n "$SHIPGATE_NODE" ] && [ -z "$node_bin" ]; then
      echo "  SHIPGATE_NODE=$SHIPGATE_NODE is not an executable node."
    elif [ -z "$node_bin" ]; then
      echo "  node was not found (not at the recorded path, on PATH, or in the usual places)."
    fi
    [ -f "$cli" ] || echo "  shipgate itself was not found (run npm install?)."
    echo "  Fix: run 'npx shipgate install' from a terminal where node works, or set SHIPGATE_NODE to node's path."
    echo "  To skip shipgate this once: SHIPGATE=0 git ..."
  } >&2
  exit 1
fi

if [ "$hook" = pre-commit ]; then
  # The commit check makes no TLS connections; loading extra CA certificates costs ~30 ms.
  unset NODE_EXTRA_CA_CERTS
  # git reads the staged diff while node starts. Its exit status follows the diff, so a
  # failing git can never look like an empty change to shipgate.
  { git __DIFF_ARGS__; printf '\000shipgate-exit:%s\000' "$?"; } | "$node_bin" "$cli" pre-commit --diff-stdin
  exit $?
fi
if [ -n "$input" ]; then
  "$node_bin" "$cli" "$hook" "$@" <"$input"
else
  exec "$node_bin" "$cli" "$hook" "$@"
fi
