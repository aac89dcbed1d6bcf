"""Helpers of the test suite: minutes, a generated corpus, servers, fuzzing, crashes and load.

`benchmarks/` imports them too; nothing here imports `benchmarks/` or a test module.
"""
