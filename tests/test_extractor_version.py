"""A change in what files yield comes with a new EXTRACTOR_VERSION (else stored databases keep old records)."""

from tests import extractor_fingerprint


def test_output_changes_come_with_a_version_bump():
    problem = extractor_fingerprint.check()
    assert problem is None, problem
