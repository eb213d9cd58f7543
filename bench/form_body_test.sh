#!/bin/bash
# form_body (the direct baseline's body) still turns the benchmark's request
# into a PAYONE preauthorization with the standard parameters.
set -euo pipefail
binary="$1"
request="$2"
body="$("$binary" "$request" 10000 10001 2000001 0123abcd test)"
for want in "mid=10000" "portalid=2000001" "key=0123abcd" "mode=test" \
  "request=preauthorization" "aid=10001" "reference=__REF__" \
  "clearingtype=cc" "it%5B3%5D=shipment"; do
  if [[ "&$body&" != *"&$want&"* ]]; then
    echo "FAIL: '$want' missing from: $body"
    exit 1
  fi
done
echo "PASS: ${#body} bytes"
