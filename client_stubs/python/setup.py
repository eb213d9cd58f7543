"""Generates the payone.v1 stubs from the .proto contract while the package is
built (grpcio-tools, a build requirement, brings protoc), so the wheel carries
generated code that the repository does not. They go to build/generated/payone
(the package directory of `payone` in pyproject.toml) before setuptools looks
for packages.

The protos come from ./proto (an sdist carries them there) or, in a checkout,
from ../../proto; the sdist copies them in.
"""
import os
import pathlib

from setuptools import setup
from setuptools.command.sdist import sdist

HERE = pathlib.Path(__file__).resolve().parent
PROTOS = "payone/v1"


def proto_root() -> pathlib.Path:
    for root in (HERE / "proto", HERE.parent.parent / "proto"):
        if (root / PROTOS).is_dir():
            return root
    raise FileNotFoundError("no proto/payone/v1: build from the repository or an sdist")


def generate_stubs(out: pathlib.Path) -> None:
    """Writes payone/v1/*_pb2.py, *.pyi and *_pb2_grpc.py under out."""
    import grpc_tools
    from grpc_tools import protoc

    root = proto_root()
    (out / PROTOS).mkdir(parents=True, exist_ok=True)
    include = pathlib.Path(grpc_tools.__file__).parent / "_proto"
    protos = sorted(str(p.relative_to(root)) for p in (root / PROTOS).glob("*.proto"))
    services = [p for p in protos if p.endswith(("gateway.proto", "ledger.proto", "client_api.proto"))]
    for args in ([f"--python_out={out}", f"--pyi_out={out}", *protos],
                 [f"--grpc_python_out={out}", *services]):
        if protoc.main(["protoc", f"-I{root}", f"-I{include}", *args]) != 0:
            raise RuntimeError(f"protoc failed: {args}")
    (out / "payone/__init__.py").write_text(
        '"""Generated stubs of the PAYONE gateway (payone.v1), see payone_gateway."""\n')
    (out / "payone/v1/__init__.py").write_text(
        '"""payone.v1 messages (*_pb2), the PayoneGateway, PaymentLedger and PayoneClientApi stubs (*_pb2_grpc)."""\n')
    (out / "payone/py.typed").write_text("")


class SdistWithProtos(sdist):
    """sdist that carries the .proto files under proto/."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        root = proto_root()
        target = pathlib.Path(base_dir) / "proto" / PROTOS
        target.mkdir(parents=True, exist_ok=True)
        for proto in (root / PROTOS).glob("*.proto"):
            (target / proto.name).write_bytes(proto.read_bytes())


os.chdir(HERE)
generate_stubs(HERE / "build" / "generated")
setup(cmdclass={"sdist": SdistWithProtos})
