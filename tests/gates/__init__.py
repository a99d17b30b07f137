"""Helpers of the quality gates (tests/test_gates*.py): a loopback server for a built site
and thin wrappers around the third-party checkers that judge it."""
