"""A libFuzzer target beside the code it tests, and the test replaying its corpus.

    cc_fuzz_target(name = "config_fuzzer", srcs = ["config_fuzzer.cc"], deps = [...])

makes `config_fuzzer` (links only with --config=fuzz; tools/run_fuzzers.sh runs
it, register it there) and `config_fuzzer_regression_test`, which replays
corpus/config_fuzzer/ (seeds and past findings) in every bazel test.
"""

def cc_fuzz_target(name, srcs, deps, corpus = None, size = "small"):
    corpus = corpus or "corpus/" + name
    native.cc_binary(
        name = name,
        testonly = True,
        srcs = srcs,
        tags = ["manual"],
        deps = deps,
    )
    native.cc_test(
        name = name + "_regression_test",
        size = size,
        srcs = srcs,
        args = [
            "-runs=0",
            native.package_name() + "/" + corpus,
        ],
        data = native.glob([corpus + "/**"]),
        deps = deps + ["//codec/fuzz:regression_main"],
    )
