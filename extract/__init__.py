"""Turn people's-congress bulletins into grounded indicator records.

    >>> from extract import extract_text
    >>> doc = extract_text("洛阳市人大常委会……共发放调查问卷300份。", "news.txt")
    >>> [(r.indicator, r.value) for r in doc.records]

extract_text / extract_file return a validated Document (reports and records); nothing here
touches a database: storing is the store package's job (store.ingest), and the command line
(cli.py) is a thin face over it.
"""

from extract.models import Document, Record, Report
from extract.pipeline import InputError, extract_bytes, extract_file, extract_text

__all__ = ["Document", "InputError", "Record", "Report", "extract_bytes", "extract_file", "extract_text"]
