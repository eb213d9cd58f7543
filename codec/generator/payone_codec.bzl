"""Bazel macros around protoc-gen-payone.

payone_cc_codec_library runs the plugin over a proto_library (like
protoc-gen-validate's rule, through tools/bazel/proto_plugin.bzl) and
compiles the result, so adding a field to a .proto is the only step to
support it:

    payone_cc_codec_library(
        name = "payone_codec",
        proto = "//proto/payone/v1:payone_proto",
        cc_proto = "//proto/payone/v1:payone_cc_proto",
    )

Headers are included by the proto import path: "payone/v1/x.payone.h".
"""

load("//tools/bazel:proto_plugin.bzl", "plugin_cc_library", "proto_plugin_srcs")

_PLUGIN = "//codec/generator:protoc-gen-payone"

def _default_prefix():
    # The plugin's outputs sit below this package at their import path.
    return "/" + native.package_name()

def payone_cc_codec_library(name, proto, cc_proto, deps = [], strip_include_prefix = None, **kwargs):
    """The generated codec (<file>.payone.h/.cc) of `proto`'s sources.

    Args:
      name: the cc_library.
      proto: the proto_library.
      cc_proto: its cc_proto_library.
      deps: codec libraries of imported files with PAYONE messages or enums.
      strip_include_prefix: defaults to this package, right for a rule
        outside the proto's directory; a rule in the proto's own directory
        passes what its cc_proto_library strips ("/proto").
      **kwargs: passed to cc_library (visibility, testonly, ...).
    """
    plugin_cc_library(
        name = name,
        proto = proto,
        plugin = _PLUGIN,
        plugin_name = "payone",
        header_suffix = ".payone.h",
        source_suffix = ".payone.cc",
        strip_include_prefix = strip_include_prefix or _default_prefix(),
        deps = deps + [
            cc_proto,
            "//codec/runtime:codec",
            "//codec/runtime:generated",
            "//codec/runtime:ledger",
            "//codec/runtime:redact",
            "//codec/runtime:result_part",
            "@system//:absl",
        ],
        **kwargs
    )

def payone_cc_service_library(name, proto, grpc_library, strip_include_prefix = None, **kwargs):
    """<file>.payone_service.h: <Service>Forwarding templates for `proto`.

    Args:
      name: the cc_library (header only).
      proto: the proto_library with the services.
      grpc_library: the cc_grpc_library of `proto`.
      strip_include_prefix: as for payone_cc_codec_library.
      **kwargs: passed to cc_library.
    """
    proto_plugin_srcs(
        name = name + "_gen",
        proto = proto,
        plugin = _PLUGIN,
        plugin_name = "payone",
        suffixes = [".payone_service.h"],
        options = ["services"],
    )
    native.cc_library(
        name = name,
        hdrs = [":" + name + "_gen"],
        strip_include_prefix = strip_include_prefix or _default_prefix(),
        deps = [grpc_library, "//codec/runtime:malformed_request", "@system//:grpc"],
        **kwargs
    )
