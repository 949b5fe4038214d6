"""aging-dashboard: serve the installed dashboard from any folder (pip install . puts it on PATH).

    aging-dashboard [streamlit options…]      e.g. aging-dashboard --server.port 8080

The settings of .streamlit/config.toml travel with the package (dashboard/config.toml) and are
given to Streamlit here, so an installed copy behaves like the checkout.
"""

from __future__ import annotations

import sys
import tomllib
from importlib import resources


def options() -> list[str]:
    """dashboard/config.toml as Streamlit command-line flags (--section.key value)."""
    config = tomllib.loads(resources.files("dashboard").joinpath("config.toml").read_text(encoding="utf-8"))
    flags = []
    for section, values in config.items():
        for key, value in values.items():
            flags += [f"--{section}.{key}", str(value).lower() if isinstance(value, bool) else str(value)]
    return flags


def main() -> None:
    from streamlit.web import cli

    app = resources.files("dashboard").joinpath("app.py")
    sys.argv = ["streamlit", "run", str(app), *options(), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
