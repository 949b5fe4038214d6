import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _main_module_kept():
    """Streamlit's AppTest leaves the app script as sys.modules["__main__"]; a later test's spawned
    worker process would then import (and run) the dashboard as its main module and die, and the
    pool would start it again forever. Each test gets back the main module it started with."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main
