"""The README's sample outputs are what the code prints today (regenerate: python -m tests.readme_blocks)."""

from tests import readme_blocks


def test_readme_sample_outputs_have_not_drifted():
    current = readme_blocks.README.read_text(encoding="utf-8")
    assert readme_blocks.render(current) == current, "run: python -m tests.readme_blocks"


def test_the_readme_keeps_its_two_set_up_commands():
    text = readme_blocks.README.read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && python -m pytest" in text
