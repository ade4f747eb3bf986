# Helper modules for tests/py scripts (not run by the conformance runner).
