"""Every read the dashboard makes. Filters and aggregation happen here, in SQL, not in pages.

Each function takes an open connection (see store.connect) and returns a DataFrame; values
from the user arrive as parameters, never as SQL text.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from store.review import history as record_history  # noqa: F401  (read by the dashboard through here)
from store.review import orphaned as review_orphans  # noqa: F401
from store.review import queue as review_queue  # noqa: F401
from store.review import unreviewed_count

# One row per (region, indicator, attributes): the primary record of the latest report that
# gives one. Two bulletins may both report a city; the newer one is what a chart shows. Every
# write updates the stored table latest_primary for the regions it touched (store.writes), so
# charts read a few thousand rows instead of ranking a million on every cold render.
# What kind of place a region is, for rankings: a city (a prefecture, or a county-level city its
# province runs, like 济源), a county or district, the province, the nation — and a county's city.
# Only 'city' values stand in a city ranking; the others are drill-downs and reference lines.
SCOPE_SQL = """CASE WHEN g.level = 'nation' THEN 'nation' WHEN g.level = 'province' THEN 'province'
    WHEN g.level = 'prefecture' OR g.parent LIKE '__0000' THEN 'city' ELSE 'county' END"""
CITY_CODE_SQL = "CASE WHEN g.level = 'county' AND g.parent NOT LIKE '__0000' THEN g.parent ELSE g.code END"

_LATEST = """
WITH ranked AS (
    SELECT r.* EXCLUDE (steps, alternatives, confidence, span_start, span_end, quote_start, quote_end, review_reason,
                        reviewer, decided_at), p.album_no,
           """ + SCOPE_SQL + """ AS scope, """ + CITY_CODE_SQL + """ AS city_code,
           row_number() OVER (
               PARTITION BY r.region_code, r.indicator, r.age_threshold, r.population_base, r.status
               ORDER BY r.bulletin_date DESC NULLS LAST, p.album_no DESC NULLS LAST, r.source_file DESC,
                        r.review_state = 'corrected' DESC
           ) AS rank_in_region
    FROM records_effective r JOIN reports p USING (report_id) LEFT JOIN regions g ON g.code = r.region_code
    WHERE r."primary" {and_regions}
)
SELECT * EXCLUDE (rank_in_region) FROM ranked WHERE rank_in_region = 1
"""
LATEST_PRIMARY_SQL = _LATEST.format(and_regions="")
# The same for the regions given as the one parameter (a list of codes).
LATEST_PRIMARY_FOR_REGIONS_SQL = _LATEST.format(and_regions="AND list_contains(?, r.region_code)")
LATEST = "latest_primary"


def indicators(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM indicators ORDER BY sort_key").df()


def reported_regions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Regions that have at least one report, with names and 2023 population where known."""
    return con.execute(
        f"""
        SELECT p.region_code, p.region_name, g.level, g.parent, g.name_en,
               coalesce(g.population_10k, parent.population_10k) AS city_population_10k,
               g.population_10k, {SCOPE_SQL} AS scope
        FROM (SELECT DISTINCT region_code, region_name FROM reports) p
        JOIN regions g ON g.code = p.region_code
        LEFT JOIN regions parent ON parent.code = g.parent
        ORDER BY p.region_code
        """
    ).df()


def region_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each reported region's code and name, nothing more (a filter's options)."""
    return con.execute("SELECT DISTINCT region_code, region_name FROM reports ORDER BY region_code").df()


def profile_regions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The places a city profile can open: every reported city, and the city of every reported county."""
    return con.execute(
        f"""
        SELECT DISTINCT c.code AS region_code,
               CASE WHEN c.level = 'county' AND pc.level = 'prefecture' THEN pc.name || c.name ELSE c.name END
                   AS region_name
        FROM reports p JOIN regions g ON g.code = p.region_code
        JOIN regions c ON c.code = ({CITY_CODE_SQL})
        LEFT JOIN regions pc ON pc.code = c.parent
        ORDER BY region_code
        """
    ).df()


def henan_cities(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Henan's 18 prefecture-level divisions (济源 included), for the map and the 未报告 lists."""
    return con.execute(
        "SELECT code, name, name_en, population_10k FROM regions WHERE population_10k IS NOT NULL ORDER BY code"
    ).df()


REVIEWED = "review_state IN ('confirmed', 'corrected')"


def latest_values(con: duckdb.DuckDBPyConnection, indicator: str, reviewed_only: bool = False,
                  counties_of: list[str] | None = None) -> pd.DataFrame:
    """The value a chart shows for each region that reported the indicator (only reviewed ones, if asked):
    cities, the province and the nation; or, given counties_of, the counties and districts of those cities
    (at a million records most rows are counties', which a city ranking never shows)."""
    where = f" AND {REVIEWED}" if reviewed_only else ""
    if counties_of is None:
        return con.execute(f"SELECT * FROM {LATEST} WHERE indicator = ? AND scope <> 'county'{where}"
                           " ORDER BY value DESC", [indicator]).df()
    return con.execute(f"SELECT * FROM {LATEST} WHERE indicator = ? AND scope = 'county'"
                       f" AND list_contains(?, city_code){where} ORDER BY value DESC", [indicator, counties_of]).df()


def county_cities(con: duckdb.DuckDBPyConnection, indicator: str, reviewed_only: bool = False) -> list[str]:
    """The cities some of whose counties or districts reported the indicator (compare's drill-down)."""
    where = f" AND {REVIEWED}" if reviewed_only else ""
    rows = con.execute(f"SELECT DISTINCT city_code FROM {LATEST} WHERE indicator = ? AND scope = 'county'{where}"
                       " ORDER BY city_code", [indicator]).fetchall()
    return [r[0] for r in rows]


def headline_values(con: duckdb.DuckDBPyConnection, codes: list[str], reviewed_only: bool = False) -> pd.DataFrame:
    """The overview's values: cities, and the province's and nation's as reference lines. Counties never
    stand in a city ranking, so they are not fetched (at a million records, most rows are counties')."""
    where = f" AND {REVIEWED}" if reviewed_only else ""
    return con.execute(
        f"SELECT * FROM {LATEST} WHERE list_contains(?, indicator) AND scope <> 'county'{where}"
        " ORDER BY indicator, value DESC", [codes]
    ).df()


def unreviewed(con: duckdb.DuckDBPyConnection) -> int:
    return unreviewed_count(con)


def elderly_population(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each region's reported elderly population, the denominator of per-elderly views.

    One row per region: the widest age group it gives (60+ before 65+), the resident count before the
    household one. The age, base, qualifier and flags come along, because a rate over 65+ residents
    and one over 60+ hukou holders are different measures, and an uncertain count makes an uncertain rate.
    """
    return con.execute(
        f"""
        SELECT region_code, value AS elderly, age_threshold AS elderly_age, population_base AS elderly_base,
               qualifier AS elderly_qualifier, flags AS elderly_flags, printed AS elderly_printed
        FROM {LATEST} WHERE indicator = 'elderly_population' AND value > 0
        QUALIFY row_number() OVER (PARTITION BY region_code
                                   ORDER BY age_threshold NULLS LAST, population_base = 'resident' DESC NULLS LAST) = 1
        ORDER BY region_code
        """
    ).df()


def coverage(con: duckdb.DuckDBPyConnection, max_regions: int | None = None) -> pd.DataFrame:
    """Region × indicator: how many primary values each region reported (0 where none).

    With max_regions, only the first regions by code (a matrix of thousands of rows helps nobody;
    coverage_summary says the rest).
    """
    latest = LATEST
    return con.execute(
        f"""
        SELECT p.region_code, p.region_name, i.code AS indicator, i.sort_key,
               count(r.indicator) AS n
        FROM (SELECT region_code, any_value(region_name) AS region_name FROM {latest} GROUP BY region_code
              ORDER BY region_code LIMIT coalesce(?, 1000000000)) p
        CROSS JOIN indicators i
        LEFT JOIN {latest} r ON r.region_code = p.region_code AND r.indicator = i.code
        GROUP BY ALL
        ORDER BY p.region_code, i.sort_key
        """,
        [max_regions],
    ).df()


def coverage_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per indicator: how many regions reported it, of how many regions with any record."""
    latest = LATEST
    return con.execute(
        f"""
        SELECT i.code AS indicator, i.sort_key,
               count(DISTINCT r.region_code) AS reported,
               (SELECT count(DISTINCT region_code) FROM {latest}) AS regions
        FROM indicators i LEFT JOIN {latest} r ON r.indicator = i.code
        GROUP BY ALL ORDER BY i.sort_key
        """
    ).df()


def region_records(con: duckdb.DuckDBPyConnection, region_code: str) -> pd.DataFrame:
    """Everything one region reported, primary values first, with its bulletin; then (drill_down)
    what its counties and districts reported."""
    # The places first, then their records by a plain list: a join to regions inside the filter
    # would keep DuckDB from filtering the records as it scans them.
    codes = [row[0] for row in con.execute(
        "SELECT code FROM regions WHERE code = ? OR (parent = ? AND level = 'county')",
        [region_code, region_code]).fetchall()] or [region_code]
    return con.execute(
        """
        SELECT r.*, p.album_no, p.title AS report_title, i.domain, i.sort_key,
               r.region_code <> ? AS drill_down
        FROM records_effective r JOIN reports p USING (report_id) JOIN indicators i ON i.code = r.indicator
        WHERE r.region_code IN (SELECT unnest(?))
        ORDER BY drill_down, r.region_code, i.sort_key, r."primary" DESC, r.span_start
        """,
        [region_code, codes],
    ).df()


def _record_filters(*, regions: list[str] | None = None, domains: list[str] | None = None,
                    indicators_: list[str] | None = None, qualifiers: list[str] | None = None,
                    flags: list[str] | None = None, files: list[str] | None = None,
                    primary_only: bool = False) -> tuple[str, list]:
    """WHERE clause and parameters for the data table's filters; an empty filter restricts nothing."""
    params: list = []
    where = ["TRUE"]
    for column, values in (("r.region_code", regions), ("i.domain", domains), ("r.indicator", indicators_),
                           ("r.qualifier", qualifiers), ("r.source_file", files)):
        if values:
            where.append(f"list_contains(?, {column})")  # column names are the constants above
            params.append(list(values))
    if flags:
        where.append("len(list_intersect(r.flags, ?)) > 0")
        params.append(list(flags))
    if primary_only:
        where.append('r."primary"')
    return " AND ".join(where), params


def filtered_records(con: duckdb.DuckDBPyConnection, *, limit: int | None = None, **filters) -> pd.DataFrame:
    """The data table, filtered as _record_filters describes."""
    where, params = _record_filters(**filters)
    sql = f"""
        SELECT r.*, p.album_no, i.domain, i.name_zh, i.name_en
        FROM records_effective r JOIN reports p USING (report_id) JOIN indicators i ON i.code = r.indicator
        WHERE {where}
        ORDER BY r.region_code, i.sort_key, r."primary" DESC, r.span_start
    """
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return con.execute(sql, params).df()


def count_filtered(con: duckdb.DuckDBPyConnection, **filters) -> int:
    where, params = _record_filters(**filters)
    sql = f"SELECT count(*) FROM records_effective r JOIN indicators i ON i.code = r.indicator WHERE {where}"
    return con.execute(sql, params).fetchone()[0]


def documents(con: duckdb.DuckDBPyConnection, region_code: str | None = None) -> pd.DataFrame:
    """Source files with their bulletins and regions ([code, name] pairs; dashboard.data lists them in a view's
    language), newest first; those reporting on one region if given."""
    return con.execute(
        """
        SELECT d.source_file, any_value(p.bulletin_issue) AS bulletin_issue,
               any_value(p.bulletin_date) AS bulletin_date, any_value(p.album_no) AS album_no,
               list(DISTINCT [p.region_code, p.region_name]) AS region_pairs, d.decimals_lost
        FROM documents d JOIN reports p USING (source_file)
        WHERE ? IS NULL OR d.source_file IN (SELECT source_file FROM reports WHERE region_code = ?)
        GROUP BY d.source_file, d.decimals_lost
        ORDER BY bulletin_date DESC NULLS LAST, album_no DESC NULLS LAST, d.source_file
        """,
        [region_code, region_code],
    ).df()


def document_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM documents").fetchone()[0]


def document_text(con: duckdb.DuckDBPyConnection, source_file: str) -> str | None:
    row = con.execute("SELECT text FROM documents WHERE source_file = ?", [source_file]).fetchone()
    return row[0] if row else None


def document_records(con: duckdb.DuckDBPyConnection, source_file: str) -> pd.DataFrame:
    return con.execute(
        """
        SELECT r.*, i.name_zh, i.name_en FROM records_effective r JOIN indicators i ON i.code = r.indicator
        WHERE r.source_file = ? ORDER BY r.span_start
        """,
        [source_file],
    ).df()
