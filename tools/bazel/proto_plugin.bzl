"""Runs a protoc plugin over the direct sources of a proto_library.

One rule serves every plugin the project uses (grpc_cpp_plugin for the gRPC
stubs, protoc-gen-payone for the codec), the way protoc-gen-validate's Bazel
rule does it: it reads ProtoInfo, so imports resolve exactly as they do for
cc_proto_library.
"""

def _import_path(src, proto_info):
    """The path protoc knows `src` by: its path below its proto source root."""
    root = proto_info.proto_source_root
    if root == ".":
        return src.short_path
    if src.path.startswith(root + "/"):
        return src.path[len(root) + 1:]
    return src.short_path[len(root) + 1:] if src.short_path.startswith(root + "/") else src.short_path

def _proto_plugin_srcs_impl(ctx):
    proto_info = ctx.attr.proto[ProtoInfo]
    outputs = []
    out_root = None
    for src in proto_info.direct_sources:
        import_path = _import_path(src, proto_info)
        stem = import_path[:-len(".proto")]
        # A rule in the proto's own directory (proto/payone/v1 for
        # payone/v1/x.proto) writes next to its BUILD file; a rule elsewhere
        # (codec/payone) writes below its package at the import path, so
        # that protoc's output layout holds either way.
        proto_dir = stem.rpartition("/")[0]
        own_dir = ctx.label.package == proto_dir or ctx.label.package.endswith("/" + proto_dir)
        for suffix in ctx.attr.suffixes:
            out = ctx.actions.declare_file((stem.split("/")[-1] if own_dir else stem) + suffix)
            outputs.append(out)

            # protoc writes <out_root>/<stem><suffix>; derive the root from
            # where Bazel wants the file.
            root = out.path[:-len(stem + suffix)].rstrip("/")
            if out_root != None and out_root != root:
                fail("%s: all sources must share one directory" % ctx.label)
            out_root = root

    plugin = ctx.executable.plugin
    args = ctx.actions.args()
    args.add("--plugin=protoc-gen-%s=%s" % (ctx.attr.plugin_name, plugin.path))
    out_flag = "--%s_out=" % ctx.attr.plugin_name
    if ctx.attr.options:
        out_flag += ",".join(ctx.attr.options) + ":"
    args.add(out_flag + out_root)
    args.add_all(proto_info.transitive_proto_path, format_each = "--proto_path=%s")
    args.add_all([_import_path(s, proto_info) for s in proto_info.direct_sources])

    ctx.actions.run(
        executable = ctx.executable._protoc,
        arguments = [args],
        inputs = proto_info.transitive_sources,
        tools = [plugin],
        outputs = outputs,
        mnemonic = "ProtocPlugin",
        progress_message = "Generating %s code for %s" % (ctx.attr.plugin_name, ctx.label),
    )
    headers = [f for f in outputs if f.extension == "h"]
    sources = [f for f in outputs if f.extension != "h"]
    return [
        DefaultInfo(files = depset(outputs)),
        OutputGroupInfo(headers = depset(headers), sources = depset(sources)),
    ]

proto_plugin_srcs = rule(
    implementation = _proto_plugin_srcs_impl,
    attrs = {
        "proto": attr.label(mandatory = True, providers = [ProtoInfo]),
        "plugin": attr.label(mandatory = True, executable = True, cfg = "exec"),
        "plugin_name": attr.string(mandatory = True),
        "suffixes": attr.string_list(mandatory = True),
        "options": attr.string_list(),
        "_protoc": attr.label(
            default = "@com_google_protobuf//:protoc",
            executable = True,
            cfg = "exec",
        ),
    },
)

def plugin_cc_library(name, proto, plugin, plugin_name, header_suffix, source_suffix, strip_include_prefix, deps = [], options = [], **kwargs):
    """A cc_library of the code `plugin` generates for `proto`.

    strip_include_prefix makes the headers includable by their proto import
    path ("payone/v1/x.grpc.pb.h") the way cc_proto_library's are.
    """
    proto_plugin_srcs(
        name = name + "_gen",
        proto = proto,
        plugin = plugin,
        plugin_name = plugin_name,
        suffixes = [header_suffix, source_suffix],
        options = options,
    )
    for group in ["headers", "sources"]:
        native.filegroup(
            name = "%s_%s" % (name, group),
            srcs = [":" + name + "_gen"],
            output_group = group,
        )
    native.cc_library(
        name = name,
        hdrs = [":" + name + "_headers"],
        srcs = [":" + name + "_sources"],
        strip_include_prefix = strip_include_prefix,
        deps = deps,
        **kwargs
    )

def cc_grpc_library(name, proto, cc_proto, strip_include_prefix, **kwargs):
    """gRPC C++ stubs (.grpc.pb.h/.cc) for the services in `proto`."""
    plugin_cc_library(
        name = name,
        proto = proto,
        plugin = "@system//:grpc_cpp_plugin",
        plugin_name = "grpc",
        header_suffix = ".grpc.pb.h",
        source_suffix = ".grpc.pb.cc",
        strip_include_prefix = strip_include_prefix,
        deps = [cc_proto, "@system//:grpc"],
        **kwargs
    )
