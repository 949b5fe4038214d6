"""The records that cross module boundaries: what extraction produces and storage keeps.

Field names and meanings are the stable interface of ../shared/spec/interface.md; anything
added here is an extension (alternatives, steps) and never changes what an existing field means.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Qualifier = Literal["exact", "at_least", "approx", "at_most"]
PopulationBase = Literal["resident", "household"]
MealStatus = Literal["operating", "built", "selected", "planned"]
Flag = Literal["decimal_recovered", "ambiguous", "derived", "range", "secondary_scope", "scope_uncertain", "target",
               "subset", "implausible"]
# A value with any of these is kept, with its reason, but never a chart's (primary) value.
NOT_PRIMARY: frozenset[str] = frozenset({"secondary_scope", "scope_uncertain", "target", "subset", "implausible"})


class _FromReport(BaseModel):
    """What a record and its report share: which report, which bulletin, which place."""

    model_config = ConfigDict(extra="forbid")

    report_id: str
    source_file: str
    bulletin_issue: str | None = None
    bulletin_date: str | None = None
    region_code: str = Field(pattern=r"^\d{6}$")
    region_name: str


class Record(_FromReport):
    """One indicator value, grounded to the characters it came from."""

    indicator: str
    value: float
    unit: str
    qualifier: Qualifier = "exact"
    age_threshold: int | None = None
    population_base: PopulationBase | None = None
    status: MealStatus | None = None
    ref_period: str | None = None
    printed: str
    quote: str
    span_start: int = Field(ge=0)
    span_end: int = Field(ge=0)
    flags: list[Flag] = Field(default_factory=list)
    confidence: float = Field(ge=0, le=1)
    primary: bool = False
    # Extensions: the other readings a lost decimal point allows, and how the value was read
    # (５３７６万 → 537.6万 → 5,376,000), so a reviewer can see why without re-running anything.
    alternatives: list[float] = Field(default_factory=list)
    steps: str = ""
    # Where the quote stands in the original text, so a reader can be taken to the sentence.
    quote_start: int | None = None
    quote_end: int | None = None

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Record:
        if self.span_end < self.span_start:
            raise ValueError("span_end before span_start")
        return self

    def attribute_key(self) -> tuple:
        """The attributes that make two values of one indicator different measures."""
        return (self.indicator, self.age_threshold, self.population_base, self.status)


class Report(_FromReport):
    """One city report inside a bulletin (or a whole text without bulletin structure)."""

    album_no: int | None = None
    title: str
    span_start: int
    span_end: int
    text: str  # the report's original characters, file[span_start:span_end]


class Part(BaseModel):
    """The reports and records of one piece of a file (a long file is read a piece at a time)."""

    reports: list[Report]
    records: list[Record]
    decimals_lost: bool


class Document(BaseModel):
    """One input file after decoding, with what was extracted from it."""

    model_config = ConfigDict(extra="forbid")

    source_file: str
    sha256: str
    encoding: str
    text: str
    decimals_lost: bool
    replaced_chars: int = 0  # undecodable bytes read as U+FFFD
    reports: list[Report]
    records: list[Record]
