"""The indicator catalog, loaded from data/catalog.toml (the only place indicators are defined)."""

from __future__ import annotations

import re
import tomllib
from functools import cached_property
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

# Clause and sentence characters for the cue macros: a cue never reaches over a clause
# boundary ({c}) or a sentence boundary ({s}), which is what keeps a cue with its own number.
CLAUSE_CHAR = r"[^,;。!?:\n]"
SENTENCE_CHAR = r"[^;。!?\n]"


def expand(pattern: str) -> str:
    return pattern.replace("{c}", CLAUSE_CHAR).replace("{s}", SENTENCE_CHAR)


class Cue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    before: str | None = None
    after: str | None = None
    context: str | None = None
    tier: int = 1

    @cached_property
    def before_re(self) -> re.Pattern[str] | None:
        return re.compile(expand(self.before)) if self.before else None

    @cached_property
    def after_re(self) -> re.Pattern[str] | None:
        return re.compile(expand(self.after)) if self.after else None

    @cached_property
    def context_re(self) -> re.Pattern[str] | None:
        return re.compile(expand(self.context)) if self.context else None


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    name_zh: str
    name_en: str
    unit: str
    domain: str
    headline: int | None = None
    attributes: list[str] = Field(default_factory=list)
    counters: list[str]
    plausible: tuple[float, float] | None = None
    per_population: tuple[float, float] | None = None
    per_elderly: tuple[float, float] | None = None
    cues: list[Cue]

    @property
    def is_percent(self) -> bool:
        return self.unit == "percent"


class Domain(BaseModel):
    zh: str
    en: str


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid")

    domains: dict[str, Domain]
    status_words: dict[str, str]
    indicators: list[Indicator] = Field(alias="indicator")

    @cached_property
    def by_code(self) -> dict[str, Indicator]:
        return {i.code: i for i in self.indicators}

    @cached_property
    def status_res(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(status, re.compile(words)) for status, words in self.status_words.items()]

    def headline(self) -> list[Indicator]:
        return sorted((i for i in self.indicators if i.headline), key=lambda i: i.headline or 0)


def load_catalog(text: str | None = None) -> Catalog:
    if text is None:
        text = resources.files("extract").joinpath("data/catalog.toml").read_text(encoding="utf-8")
    catalog = Catalog.model_validate(tomllib.loads(text))
    for ind in catalog.indicators:
        if ind.domain not in catalog.domains:
            raise ValueError(f"catalog: {ind.code} has unknown domain {ind.domain!r}")
        for cue in ind.cues:  # compile now so a bad regex fails at start, naming its indicator
            try:
                cue.before_re, cue.after_re, cue.context_re  # noqa: B018
            except re.error as exc:
                raise ValueError(f"catalog: {ind.code}: bad cue regex: {exc}") from exc
    return catalog


CATALOG = load_catalog()
