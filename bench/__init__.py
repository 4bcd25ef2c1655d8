"""Benchmarks: deterministic config generator, in-process timings, and LSP latency over stdio."""
