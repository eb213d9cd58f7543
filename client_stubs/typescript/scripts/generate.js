// Generates src/gen (ts-proto messages and @grpc/grpc-js clients of
// payone.v1, with google.rpc's Status, BadRequest, ErrorInfo & co.) from the
// .proto contract while the package is built (`npm run build`, `npm pack`):
// the tarball carries the compiled code, the repository does not. protoc
// comes from npm (the `protoc` package), the google.rpc protos from
// `google-proto-files`. Every .proto in proto/payone/v1 is compiled.
//   PAYONE_PROTO_DIR  the folder holding payone/v1 (default ../../proto)
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const protoDir = path.resolve(process.env.PAYONE_PROTO_DIR ?? path.join(root, "../../proto"));
const googleapis = path.dirname(require.resolve("google-proto-files/package.json"));
const out = path.join(root, "src/gen");
const bin = (name) => path.join(root, "node_modules/.bin", name);

const protos = fs.readdirSync(path.join(protoDir, "payone/v1"))
  .filter((name) => name.endsWith(".proto")).sort().map((name) => `payone/v1/${name}`);
if (protos.length === 0) throw new Error(`no .proto files in ${protoDir}/payone/v1`);

// A fresh folder: nothing generated from a removed .proto survives.
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const result = spawnSync(bin("protoc"), [
  `-I${protoDir}`, `-I${googleapis}`,
  `--plugin=protoc-gen-ts_proto=${bin("protoc-gen-ts_proto")}`,
  `--ts_proto_out=${out}`,
  "--ts_proto_opt=outputServices=grpc-js,env=node,esModuleInterop=true,useExactTypes=false,exportCommonSymbols=false",
  ...protos, "google/rpc/status.proto", "google/rpc/error_details.proto", "google/rpc/code.proto",
], { stdio: "inherit" });
if (result.status !== 0) throw new Error(`protoc failed (${result.error ?? `exit ${result.status}`})`);
// One module re-exporting every payone/v1 file, so that src/index.ts needs no
// list of them (a new .proto is in the package without an edit).
fs.writeFileSync(path.join(out, "payone/v1/index.ts"), protos
  .map((proto) => `export * from "./${path.basename(proto, ".proto")}";\n`).join(""));
