#!/usr/bin/env bash
# Builds the npm package and installs it into a consumer project in DIR, the
# way an application gets it: `npm pack` (which generates src/gen and compiles
# it, see package.json's prepack), then `npm install` of that tarball beside
# consumer/package.json, then the client tests and examples (../test,
# ../examples) compiled against the installed package into DIR/dist.
#   client_stubs/typescript/consumer/install.sh DIR
# Needs client_stubs/setup.sh typescript (npm ci in the package). Reusing DIR
# keeps its node_modules; the package itself is always the fresh tarball.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
package=$(dirname "$here")
dir=${1:?usage: install.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rm -rf "$dir"/*.tgz "$dir/dist" "$dir/test" "$dir/examples" "$dir/package-lock.json" \
  "$dir/node_modules/@payone-gateway"
tarball=$(cd "$package" && npm pack --pack-destination "$dir" --loglevel=error | tail -1)
mv "$dir/$tarball" "$dir/payone-gateway-client.tgz"
cp "$here/package.json" "$here/tsconfig.json" "$dir/"
cp -r "$package/test" "$package/examples" "$dir/"
rm -rf "$dir/examples/checkout/screenshots"
cd "$dir"
npm install --no-audit --no-fund --no-package-lock --loglevel=error >&2
node_modules/.bin/tsc -p .
