"""The indicator catalog, loaded from data/catalog.toml (the only place indicators are defined)."""

from __future__ import annotations

import re
import tomllib
from functools import cached_property
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from extract.normalize import CN_ORDINAL
from extract.prefilter import prefiltered

# Clause and sentence characters for the cue macros: a cue never reaches over a clause
# boundary ({c}) or a sentence boundary ({s}), which is what keeps a cue with its own number;
# and {n}, a Chinese ordinal (三、…).
CLAUSE_CHAR = r"[^,;。!?:\n]"
SENTENCE_CHAR = r"[^;。!?\n]"


def expand(pattern: str) -> str:
    return pattern.replace("{c}", CLAUSE_CHAR).replace("{s}", SENTENCE_CHAR).replace("{n}", CN_ORDINAL)


class Cue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    before: str | None = None
    after: str | None = None
    context: str | None = None
    tier: int = 1
    flags: list[str] = Field(default_factory=list)  # what a match through this cue says (subset)
    why: str = ""  # the reason, for the record's steps
    # False for an increase (新增): a plan's figure is always one, so in a plan it marks nothing.
    in_plans: bool = True

    @cached_property
    def before_re(self) -> re.Pattern[str] | None:
        return prefiltered(expand(self.before)) if self.before else None

    @cached_property
    def checks(self) -> tuple:
        """(before's search, after's match, context's search), each None where the cue has none, and
        its rank (tier, then a cue that raises a doubt first): what rules._match runs for every number."""
        return (self.before_re.search if self.before_re else None, self.after_re.match if self.after_re else None,
                self.context_re.search if self.context_re else None, (self.tier, not self.flags))

    @cached_property
    def after_re(self) -> re.Pattern[str] | None:
        return re.compile(expand(self.after)) if self.after else None

    @cached_property
    def context_re(self) -> re.Pattern[str] | None:
        return prefiltered(expand(self.context)) if self.context else None


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
    # value ÷ (population × the census share of its age group), for elderly counts
    census_share: tuple[float, float] | None = None
    cues: list[Cue]
    # What this indicator is not: a number whose clause, before it, matches one of these is
    # never this indicator (家庭户人口 is not the total population).
    excludes: list[str] = Field(default_factory=list)
    # What makes a value a subset or another thing than the indicator counts: kept, flagged, never primary.
    subsets: list[Cue] = Field(default_factory=list)
    # Subsets several indicators share, by their name in the catalog's shared_subsets: tried after its own.
    shared_subsets: list[str] = Field(default_factory=list)

    @cached_property
    def cue_checks(self) -> tuple[tuple, ...]:
        """Each cue's checks with the cue itself, (before, after, context, rank, cue): what rules._match
        unpacks for every number, without an attribute lookup per cue."""
        return tuple((*cue.checks, cue) for cue in self.cues)

    @cached_property
    def exclude_res(self) -> list[re.Pattern[str]]:
        return [prefiltered(expand(p)) for p in self.excludes]

    def name(self, lang: str) -> str:
        """The indicator's name in a view's language (zh or en)."""
        return self.name_en if lang == "en" else self.name_zh

    @property
    def is_percent(self) -> bool:
        return self.unit == "percent"


class Relation(BaseModel):
    """result (a percentage) = part ÷ whole × 100 within one report and place: used to decide lost
    decimal points, and (derive) to compute the result where a report gives only the counts."""

    model_config = ConfigDict(extra="forbid")

    result: str
    part: str
    wholes: list[str]  # the first one the report gives is the denominator
    part_same: list[str] = Field(default_factory=list)  # attributes the part shares with the result
    whole_same: list[str] = Field(default_factory=list)
    tolerance: float | None = None  # percentage points; default 0.2 or 2% of the result
    fallback_population: bool = False  # no whole printed: the place's known population stands in, loosely
    derive: bool = False


class Domain(BaseModel):
    zh: str
    en: str

    def name(self, lang: str) -> str:
        """The name (or a flag's reason) in a view's language (zh or en)."""
        return self.en if lang == "en" else self.zh


class Words(BaseModel):
    """Word lists that say where, when and how much a number speaks of, whatever the indicator."""

    model_config = ConfigDict(extra="forbid")

    province: str  # the province as a whole (全省)
    nation: str  # the whole country (全国)
    table_total: str  # a table row's label that is the whole place (合计); other labels make the row a part
    definition: str  # before a number in its clause: a standard's threshold (一个地区…超过10%), no place's figure
    definition_after: str  # right after the number: the same (超过14%为深度老龄化), or places counted (…的有63个)
    gap: str  # before a number in its clause: a shortfall (床位缺口约5000张, 还需新建…), not what there is
    per_unit: str  # before a number in its clause: a figure per unit or period (每个社区至少1个), not a count
    increase_verb: str  # in a plan's clause: what is built toward the plan is an increase (新建…任务120个)
    together: str  # before a number in its clause: several places at once (两市共建成…), no one place's figure
    reference: str  # a clause pointing back at the measure of the sentence before (这一比例上升至…)
    several: str  # in the sentence before a number: its subject is several places (等8个省辖市…)
    census: str  # the census named instead of its year (第六次人口普查时); census_years gives the year
    extreme: str  # before a number in its clause: the highest or lowest of several places (最高的达到24.3%)
    pointing_back: str  # before a number in its clause: a place named by pointing back (该市), with its ending
    city: str  # the city as a whole (全市), in a county's or a district's report
    part: str  # a part of a city at the head of a clause: a town, a community, 主城区
    part_label: str  # a town or street as the label before a colon (城关回族镇:助餐点6个): a part's item
    part_after_name: str  # a town named right after its county (镇平县石佛寺镇建成…): the town's figure
    counted_places: str  # right after a number's measure word: the places counted (19个乡镇的助餐点), not their things
    whole: str  # the whole place again (全区): a part at the head of the sentence no longer speaks
    respectively: str  # 分别: places and values paired in order
    part_of: str  # a clause that breaks down the total before it (其中…)
    described_after: str  # a figure, a dash, then what it counts (156个——全县…老年助餐点总数)
    level_part: str  # a place's own level in its services (其中市本级建成36个): a part
    part_stage: str  # a part named by its stage alone, the thing the number before counts (其中正常运营241个)
    running_total: str  # a clause that gives the total after a value of the same thing (总数达到…)
    visited_at: str  # between places and a count of supervision work: they are where it was done
    visit_verb: str  # before the places: they are where the supervision went
    item_end: str  # after a number: it ends an item, which may take its indicator from the one before
    negation: str  # between a number and the noun after it: it counts what lacks the noun
    reporting_part: str  # a town's own body reporting (城关镇人大主席团): the report is that town's
    continued: str  # a clause that gives a later value of the thing before it (2022年底达到68个)
    contrast: str  # a clause that gives the whole place's own value of the thing before it (我市仅建成42个)
    lower_body: str  # a city's body without its city's name (,市人大常委会…): in a province's report, some city's
    other_age: str  # a clause of another age group only (…15.8%,60岁以上为20.9%): the thing before, at that age
    compared: str  # the same measure of the place compared with (高于全省平均水平(18.08%))
    parallel: str  # between a place heading its clause and a number: the clause repeats the one before
    target: str  # a plan, target or projection
    deadline: str  # 年底前, 到2025年: a plan unless done words follow or its year (group y) is past
    plan_opener: str  # a paragraph that opens a next-steps section (下一步,…): its figures are plans
    plan_title: str  # a report that is a plan as a whole, by its title (…2024年工作要点)
    plan_heading: str  # a heading line of one (下一步工作建议:), with the enumerated lines after it
    plan_section: str  # a numbered section heading of plans (二、2024年工作安排): its paragraphs are plans
    section: str  # what opens a numbered section (三、), which ends the one before
    enumerator: str  # what opens an enumerated line (一是, 二、, (三), 4.)
    past_plan: str  # an earlier plan before the number, done words after it: what it added, not the total
    done: str  # after a target word: it is already done
    sentence_target: str  # a plan word that makes the rest of its sentence a plan
    proposal: str  # a proposal earlier in the sentence: what follows is proposed, not even planned
    list_tail: str  # after a count: a list ending in 等 (so the count is at least)
    unnumbered_item: str  # before a count in its clause: a list's item with no count of its own (at least)
    change_from: str  # 从A提升至B: the words between A and B
    topic_first: str  # 老年助餐点,全市已建成412个: the thing named as the sentence's topic, counted in the next clause
    scope_note: str  # 养老机构(含民办机构36家)128家: a note on what the count includes, read past
    inside_note: str  # …and a number inside such a note: a part
    count_judged: str  # 助餐点数量偏少,目前仅建成: the count judged, then given (read as right after the noun)
    change_before: str  # 较上年提高15个百分点,达到68%: a change stated between the noun and its value
    previous_left: str  # 从A提升至B: what stands before A in its clause
    previous_right: str  # … and right after A
    earlier_left: str  # 原有…A,现已发展到B: what stands before A in its clause
    later_right: str  # … and right after A (the clause that gives B)
    own_level: str  # a clause of the city's own level after the province's hand-over

    @cached_property
    def res(self) -> dict[str, re.Pattern[str]]:
        return {k: prefiltered(expand(v)) for k, v in self.model_dump().items()}


class Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid")

    whole_units: list[str]  # units of whole things (a count of them has no fraction)
    domains: dict[str, Domain]
    status_words: dict[str, str]
    census_years: dict[str, int] = Field(default_factory=dict)  # 第六次人口普查 → 2010
    words: Words
    shared_subsets: dict[str, Cue] = Field(default_factory=dict)  # named in indicators' shared_subsets
    flags: dict[str, Domain]  # each flag's plain-language reason (zh, en)
    indicators: list[Indicator] = Field(alias="indicator")
    relations: list[Relation] = Field(alias="relation", default_factory=list)

    @cached_property
    def by_code(self) -> dict[str, Indicator]:
        return {i.code: i for i in self.indicators}

    @cached_property
    def by_counter(self) -> dict[str, list[Indicator]]:
        """The indicators a measure word can count, in catalog order."""
        out: dict[str, list[Indicator]] = {}
        for ind in self.indicators:
            for counter in ind.counters:
                out.setdefault(counter, []).append(ind)
        return out

    @cached_property
    def status_res(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(status, prefiltered(words)) for status, words in self.status_words.items()]

    def headline(self) -> list[Indicator]:
        return sorted((i for i in self.indicators if i.headline), key=lambda i: i.headline or 0)


def load_catalog(text: str | None = None) -> Catalog:
    if text is None:
        text = resources.files("extract").joinpath("data/catalog.toml").read_text(encoding="utf-8")
    catalog = Catalog.model_validate(tomllib.loads(text))
    for ind in catalog.indicators:
        if ind.domain not in catalog.domains:
            raise ValueError(f"catalog: {ind.code} has unknown domain {ind.domain!r}")
        if unknown_shared := set(ind.shared_subsets) - set(catalog.shared_subsets):
            raise ValueError(f"catalog: {ind.code}: unknown shared subsets {sorted(unknown_shared)}")
        ind.subsets = [*ind.subsets, *(catalog.shared_subsets[name] for name in ind.shared_subsets)]
        for cue in [*ind.cues, *ind.subsets]:  # compile now so a bad regex fails at start, naming its indicator
            try:
                cue.before_re, cue.after_re, cue.context_re, cue.checks, ind.exclude_res  # noqa: B018
            except re.error as exc:
                raise ValueError(f"catalog: {ind.code}: bad cue regex: {exc}") from exc
            unknown = set(cue.flags) - set(catalog.flags)
            if unknown:
                raise ValueError(f"catalog: {ind.code}: unknown flags {sorted(unknown)}")
        ind.cue_checks  # noqa: B018
    catalog.words.res  # noqa: B018
    for rel in catalog.relations:
        for code in (rel.result, rel.part, *rel.wholes):
            if code not in catalog.by_code:
                raise ValueError(f"catalog: relation names unknown indicator {code!r}")
    return catalog


CATALOG = load_catalog()
