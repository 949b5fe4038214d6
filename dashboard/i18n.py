"""Every string the dashboard shows, in Simplified Chinese (default) and English.

Indicator names come from the catalog (extract/data/catalog.toml); everything else is here.
A page asks t("key") and never writes a user-visible string of its own.
"""

from __future__ import annotations

LANGS = ("zh", "en")
LANG_NAMES = {"zh": "中文", "en": "English"}  # each in its own language, wherever a view offers the switch

STRINGS: dict[str, tuple[str, str]] = {
    # app chrome
    "app_title": ("养老服务指标看板", "Aging-service indicator dashboard"),
    "app_subtitle": ("河南省人大“积极应对人口老龄化 加快发展养老服务”三级联动监督",
                     "Henan people's congresses' linked supervision of elderly-care services"),
    "presenter": ("演示模式", "Presenter mode"),
    "more_options": ("更多选项", "More options"),
    "exit_presenter": ("退出演示", "Exit presenter mode"),
    "page_overview": ("总览", "Overview"),
    "page_compare": ("城市对比", "Compare"),
    "page_city": ("城市档案", "City profile"),
    "page_data": ("数据表", "Data & export"),
    "page_sources": ("原文", "Sources"),
    "page_map": ("地图", "Map"),
    "page_import": ("导入", "Import"),
    "issue_label": ("{year}年第{n}期", "bulletin no. {n} of {year}"),
    "page_review": ("校核", "Review"),
    # editors: sign-in
    "editing_snapshot": ("这是只读数据快照（AGING_DB_READ_ONLY），不能导入或校核；请在编辑用的看板上操作。",
                         "This is a read-only data snapshot (AGING_DB_READ_ONLY): import and review happen on the editors' dashboard."),
    "editing_off": ("编辑功能未开启：管理员尚未设置编辑密码（见 README“导入与校核”）。",
                    "Editing is off: no editor password is configured (see the README, Importing and reviewing)."),
    "editor_name": ("姓名（记入审计日志）", "Your name (goes into the audit log)"),
    "password": ("编辑密码", "Editor password"),
    "sign_in": ("登录", "Sign in"),
    "sign_out": ("退出登录", "Sign out"),
    "signed_in_as": ("当前编辑：{name}", "Signed in as {name}"),
    "auth_failed": ("姓名或密码不正确", "Name or password not accepted"),
    "auth_wait": ("尝试次数过多，请 {seconds} 秒后再试", "Too many attempts; try again in {seconds} s"),
    # import
    "import_title": ("导入简报", "Import bulletins"),
    "upload_label": ("选择简报文件（.txt、.pdf、.docx，可多选）", "Choose bulletin files (.txt, .pdf, .docx; several at once)"),
    "upload_help": ("文件先预览，确认后再存入数据库；单个文件不超过 {mb} MB。",
                    "Files are previewed first and stored only when you confirm; at most {mb} MB a file."),
    "preview_title": ("预览：{n} 个文件", "Preview: {n} files"),
    "preview_file": ("{name} — {state}", "{name} — {state}"),
    "state_checked": ("可存入", "ready to store"), "state_failed": ("无法读取", "cannot be read"),
    "state_stored": ("已存入", "stored"), "state_replaced": ("已替换旧版本", "replaced the old version"),
    "state_unchanged": ("未改变", "unchanged"),
    "preview_regions": ("地区：{regions}；简报：{bulletin}；记录 {n} 条，其中带标记 {flagged} 条",
                        "Places: {regions}; bulletin: {bulletin}; {n} records, {flagged} flagged"),
    "store_button": ("存入数据库", "Store"),
    "stored_summary": ("已存入 {stored} 个、替换 {replaced} 个、未改变 {unchanged} 个、失败 {failed} 个文件",
                       "{stored} stored, {replaced} replaced, {unchanged} unchanged, {failed} failed"),
    "warning_no_records": ("{name}：没有找到指标，报告已保存但没有记录", "{name}: no indicator found; kept with no records"),
    "warning_replaced": ("{name}：{n} 个无法解码的字符已替换为 �", "{name}: {n} undecodable characters replaced by �"),
    # review
    "review_title": ("校核", "Review"),
    "review_count": ("待校核 {n} 条（风险高的在前）", "{n} records to review (riskiest first)"),
    "review_done": ("没有待校核的记录", "Nothing left to review"),
    "review_position": ("第 {n} / {total} 条", "Record {n} of {total}"),
    "action": ("处理", "Decision"),
    "action_confirm": ("确认无误", "Confirm"), "action_correct": ("更正", "Correct"), "action_reject": ("剔除", "Reject"),
    "reason": ("理由（必填，回车保存）", "Reason (required; Enter saves)"),
    "reason_default": ("已核对原文", "Checked against the text"),
    "save_next": ("保存并下一条", "Save and next"),
    "skip": ("跳过", "Skip"),
    "saved": ("已保存：{what}", "Saved: {what}"),
    "reason_missing": ("请填写理由", "Please give a reason"),
    "nothing_changed": ("更正需要修改至少一项", "A correction must change something"),
    "region_code": ("地区代码", "Region code"),
    "primary_field": ("作为图表数值", "The chart's value"),
    "orphaned_title": ("原句已不在新版本中的更正（需重新校核）", "Decisions whose sentence is gone (review again)"),
    "history_title": ("这条记录的历史", "This record's history"),
    "audit_when": ("时间（UTC）", "When (UTC)"), "audit_changes": ("改动", "Changes"),
    "audit_import": ("导入（{state}）", "import ({state})"), "colon": ("：", ": "),
    "review_error_unknown_region": ("没有代码为 {code} 的行政区划", "No division has the code {code}"),
    "review_error_gone": ("这条记录已不在库中（可能刚被新版本替换），请刷新", "This record is gone (a new version may have replaced it); reload the page"),
    "review_error_invalid": ("“{field}”的值不符合要求", "The value of “{field}” is not accepted"),
    "reading_steps": ("读取过程", "How it was read"),
    "reviewed_only": ("只显示已校核的数值", "Reviewed values only"),
    "unreviewed_note": ("尚有 {n} 个带标记或低置信度的数值未经校核", "{n} flagged or low-confidence values are not reviewed yet"),
    "review_state": ("校核状态", "Review"),
    "rs_unreviewed": ("未校核", "unreviewed"), "rs_confirmed": ("已确认", "confirmed"),
    "rs_corrected": ("已更正", "corrected"), "rs_rejected": ("已剔除", "rejected"),
    "corrected_from": ("已更正，原为 {value}", "corrected; extracted as {value}"),
    # why a file cannot be read (extract.reading.MESSAGES, the same codes)
    "input_missing": ("{name}：文件不存在", "{name}: no such file"),
    "input_missing_path": ("{name}：文件或文件夹不存在", "{name}: no such file or folder"),
    "input_folder": ("{name}：这是文件夹，不是文件", "{name}: is a folder, not a file"),
    "input_folder_unreadable": ("{name}：无法读取文件夹（{why}）", "{name}: cannot read the folder ({why})"),
    "input_folder_empty": ("{name}：文件夹中没有 .txt、.pdf 或 .docx 文件", "{name}: folder holds no .txt, .pdf or .docx files"),
    "input_loop": ("{name}：循环的符号链接", "{name}: a symbolic link that loops"),
    "input_unreadable": ("{name}：无法读取（{why}）", "{name}: cannot read ({why})"),
    "input_not_regular": ("{name}：不是普通文件（管道或设备）", "{name}: not a regular file (a pipe or device)"),
    "input_too_big": ("{name}：{size_mb} MB，超过 {limit_mb} MB 的上限", "{name}: {size_mb} MB is over the {limit_mb} MB limit"),
    "input_empty": ("{name}：空文件", "{name}: empty file"),
    "input_binary": ("{name}：二进制数据，不是文本文件", "{name}: binary data, not a text file"),
    "input_encoding": ("{name}：无法识别文字编码", "{name}: cannot tell the text encoding"),
    "input_no_chinese": ("{name}：文件中没有中文", "{name}: no Chinese text in the file"),
    "input_no_region": ("{name}：没有找到地名，无法确定是哪个地方的报告", "{name}: no place name found; whose report it is cannot be told"),
    "input_image": ("{name}：这是图片，需要文字识别（OCR），本工具不做", "{name}: an image; it needs OCR, which this tool does not do"),
    "input_old_doc": ("{name}：旧版 Word .doc 文件，请另存为 .docx", "{name}: an old Word .doc file; save it as .docx"),
    "input_pdf_password": ("{name}：PDF 设有密码，请去掉密码后再导入", "{name}: a password-protected PDF; remove the password"),
    "input_pdf_broken": ("{name}：无法读取的 PDF", "{name}: not a readable PDF"),
    "input_pdf_scan": ("{name}：扫描版 PDF，没有文字层，需要文字识别（OCR）", "{name}: a scanned PDF with no text layer; it needs OCR"),
    "input_zip_not_docx": ("{name}：这是压缩包，不是 Word（.docx）文件", "{name}: a ZIP archive, not a Word (.docx) file"),
    "input_docx_broken": ("{name}：无法读取的 Word 文件", "{name}: not a readable Word file"),
    "input_bug": ("{name}：读取时出错，请把这个文件报告给维护者", "{name}: could not be extracted; please report this file"),
    "building_db": ("首次启动：正在从 seeds/ 建立数据库…", "First start: building the database from seeds/…"),
    "building_file": ("正在读取 {name}（{n}/{total}）", "Reading {name} ({n}/{total})"),
    "built_db": ("数据库已建立", "Database built"),
    "db_error": ("无法读取数据库：{error}", "Cannot read the database: {error}"),
    "no_data": ("数据库中还没有记录。运行 python -m extract seeds/ 导入简报。",
                "No records yet. Run python -m extract seeds/ to import bulletins."),
    # shared words
    "not_reported": ("未报告", "Not reported"),
    "reference_note": ("虚线为参照值（不参与城市排名）：{items}",
                       "Dashed lines are yardsticks, not in the city ranking: {items}"),
    "show_counties": ("显示所辖县（市、区）的数值", "Show the counties and districts of"),
    "counties_title": ("{city}所辖县（市、区）：{indicator}", "Counties and districts of {city}: {indicator}"),
    "counties_none": ("{city}所辖县（市、区）没有报告这一指标", "No county or district of {city} reported this"),
    "drill_down": ("所辖县（市、区）", "Its counties and districts"),
    "flag_reasons": ("标记说明", "Why flagged"),
    "city": ("城市", "City"),
    "cities": ("城市", "Cities"),
    "indicator": ("指标", "Indicator"),
    "value": ("数值", "Value"),
    "domain": ("领域", "Domain"),
    "qualifier": ("限定", "Qualifier"),
    "flags": ("标记", "Flags"),
    "bulletin": ("简报", "Bulletin"),
    "quote": ("原文", "Quote"),
    "printed": ("原文数字", "As printed"),
    "source_line": ("来源：{sources}", "Source: {sources}"),
    "period_note": ("（数据时期 {periods}）", " (figures for {periods})"),
    "album": ("联动监督专辑（{n}）", "Linked-supervision album no. {n}"),
    "all": ("全部", "All"),
    "choose": ("请选择（不选即全部）", "Choose (none = all)"),
    "pick_city_first": ("简报较多，请先选择城市", "Many bulletins: choose a city first"),
    "primary_only": ("只看主值", "Primary values only"),
    "measure": ("口径", "Measure"),
    "age_60": ("60岁及以上", "aged 60+"),
    "age_65": ("65岁及以上", "aged 65+"),
    "age_none": ("年龄口径未说明", "age threshold not stated"),
    "base_resident": ("常住人口", "resident population"),
    "base_household": ("户籍人口", "registered (hukou) population"),
    "base_none": ("人口口径未说明", "population base not stated"),
    "status_operating": ("已投入使用", "operating"),
    "status_built": ("已建成/在建", "built"),
    "status_selected": ("已选址", "site selected"),
    "status_planned": ("计划", "planned"),
    "status_none": ("状态未说明", "status not stated"),
    "q_exact": ("确切", "exact"),
    "q_at_least": ("不少于（≥）", "at least (≥)"),
    "q_approx": ("约（≈）", "approximately (≈)"),
    "q_at_most": ("不超过（≤）", "at most (≤)"),
    "flag_decimal_recovered": ("小数点已复原", "decimal point restored"),
    "flag_ambiguous": ("读法存疑", "ambiguous reading"),
    "flag_derived": ("推算值", "derived"),
    "flag_range": ("区间", "range"),
    "flag_secondary_scope": ("非本级数据", "another body's figure"),
    "flag_scope_uncertain": ("地点存疑", "place uncertain"),
    "flag_target": ("目标或计划", "target or plan"),
    "flag_subset": ("部分或另一口径", "a part or another measure"),
    "flag_implausible": ("数值不合理", "implausible"),
    "flag_explain": ("原文为“{printed}”", "printed as “{printed}”"),
    "alternatives": ("其他读法：{values}", "other readings: {values}"),
    "yes": ("有", "yes"),
    # overview
    "overview_title": ("四项核心指标", "The four headline indicators"),
    "coverage_title": ("报告覆盖情况：哪个城市报告了哪项指标", "Coverage: which city reported which indicator"),
    "coverage_help": ("“未报告”表示该城市的简报中没有这一数字，不是零。",
                      "“Not reported” means the bulletin gives no such number, not zero."),
    "slide": ("第 {n} / {total} 张", "Slide {n} of {total}"),
    "reported_n": ("已报告地区数", "Regions reporting"),
    "matrix_first": ("下表列出前 {n} 个地区（按区划代码）；完整数据见“数据表”。",
                     "The matrix lists the first {n} regions by code; see Data & export for all."),
    "prev": ("◀ 上一张", "◀ Previous"),
    "next": ("下一张 ▶", "Next ▶"),
    # compare
    "pick_indicator": ("选择指标", "Indicator"),
    "pick_cities": ("突出显示的城市", "Cities to highlight"),
    "normalise": ("按人口换算", "Per population"),
    "norm_none": ("原始数值", "As reported"),
    "norm_elderly": ("每万名老年人", "Per 10,000 elderly"),
    "norm_resident": ("每万常住人口", "Per 10,000 residents"),
    "norm_elderly_measure": ("每万名老年人（{measure}）", "per 10,000 elderly ({measure})"),
    "norm_resident_measure": ("每万常住人口（2023年末）", "per 10,000 residents (end of 2023)"),
    "population_source": ("常住人口：2023年末，二手来源（见 henan_cities.SOURCE.txt），正式使用前请核对统计年鉴",
                          "Residents: end of 2023, secondary sources (see henan_cities.SOURCE.txt); "
                          "check against the statistical yearbook before official use"),
    "denominator_flagged": ("换算所用的老年人口带标记：{items}",
                            "The elderly population used to convert is flagged: {items}"),
    "norm_missing": ("无法换算（缺少人口数）：{cities}", "Cannot normalise (no population): {cities}"),
    "not_reported_list": ("未报告：{cities}", "Not reported: {cities}"),
    "other_measures": ("以其他口径报告：{items}", "Reported under another measure: {items}"),
    "qualified_note": ("非确切值（原文写作“以上/约/不到”等，图中为条纹柱）：{items}",
                       "Not exact (the text says at least, about or under; hatched bars): {items}"),
    "flagged_note": ("⚠ 标记的数值：{items}", "⚠ flagged values: {items}"),
    "chart_title": ("{indicator}（{measure}）", "{indicator} ({measure})"),
    "no_values": ("还没有城市报告这项指标。", "No city has reported this indicator yet."),
    "mixed_warning": ("注意：{indicator}存在不同口径，下图只比较同一口径。",
                      "Note: {indicator} is reported under different measures; the chart compares one at a time."),
    # city
    "pick_city": ("选择城市", "City"),
    "city_title": ("{city}：报告的全部指标", "{city}: everything reported"),
    "primary_badge": ("主值", "primary"),
    "secondary_badge": ("补充值", "secondary"),
    "open_source": ("在原文中查看", "Show in source"),
    # data
    "filters": ("筛选", "Filters"),
    "rows": ("共 {n} 条记录", "{n} records"),
    "preview_note": ("；下表显示前 {n} 条，导出包含全部记录", "; the table shows the first {n}, downloads carry all"),
    "xlsx_too_big": ("超过 Excel 的行数上限，请先筛选或下载 CSV", "Too many rows for Excel: filter first, or use CSV"),
    "top_note": ("图中显示数值最大的 {n} 个地区（共 {total} 个）；完整列表见下表。",
                 "The chart shows the {n} largest of {total} regions; the table lists all."),
    "export_prefix": ("养老指标", "aging_indicators"),
    "download_csv": ("下载 CSV（Excel 可直接打开）", "Download CSV (opens in Excel)"),
    "download_xlsx": ("下载 Excel (.xlsx)", "Download Excel (.xlsx)"),
    "header_lang": ("表头语言", "Header language"),
    "export_cells": ("导出内容", "Export as"),
    "cells_words": ("中文（表头与单元格）", "English (headers and cells)"),
    "cells_codes": ("代码（供分析使用）", "Codes (for analysts)"),
    "yes_word": ("是", "yes"), "no_word": ("否", "no"),
    "header_zh": ("中文", "Chinese"),
    "header_en": ("英文", "English"),
    # sources
    "pick_document": ("选择简报", "Bulletin"),
    "pick_record": ("定位到数字", "Go to number"),
    "legend_sources": ("黄色：抽取的数字；橙色边框：带标记（复原/存疑/推算）；蓝色：当前选中的句子。",
                       "Yellow: extracted numbers; orange outline: flagged; blue: the selected sentence."),
    # map
    "map_title": ("{indicator}：河南各市", "{indicator}: Henan's cities"),
    "map_credit": ("边界：Apache ECharts 4.9.0 地图数据（Apache-2.0）；人口：2023年末常住人口"
                   "（见 henan_cities.SOURCE.txt）。仅示意，不作为国界/区划依据。",
                   "Boundaries: Apache ECharts 4.9.0 map data (Apache-2.0); population: 2023 resident "
                   "population (see henan_cities.SOURCE.txt). Illustrative, not an authoritative boundary."),
    "other_measure_short": ("其他口径", "other measure"),
    "map_district_note": ("县区报告不在地图上：{items}", "County-level reports not drawn on the map: {items}"),
}

UNITS: dict[str, tuple[str, str]] = {
    "person": ("人", "persons"), "person_time": ("人次", "person-times"), "percent": ("%", "%"),
    "yuan": ("元", "yuan"), "site": ("个", "sites"), "item": ("个", "items"), "group": ("个", "groups"),
    "unit": ("个", "units"), "meeting": ("次", "meetings"), "copy": ("份", "copies"), "report": ("篇", "reports"),
    "institution": ("家", "institutions"), "bed": ("张", "beds"), "household": ("户", "households"),
}

COLUMNS: dict[str, tuple[str, str]] = {
    "region_name": ("城市", "Region"), "region_code": ("区划代码", "Region code"),
    "indicator_name": ("指标", "Indicator"), "indicator": ("指标代码", "Indicator code"),
    "value": ("数值", "Value"), "value_shown": ("数值（读作）", "Value (as read)"),
    "unit": ("单位", "Unit"), "qualifier": ("限定", "Qualifier"),
    "age_threshold": ("年龄口径", "Age threshold"), "population_base": ("人口口径", "Population base"),
    "status": ("状态", "Status"), "ref_period": ("时期", "Reference period"), "printed": ("原文数字", "As printed"),
    "quote": ("原文", "Quote"), "flags": ("标记", "Flags"), "flag_reasons": ("标记说明", "Why flagged"),
    "review_state": ("校核状态", "Review"), "original_value": ("抽取值", "Extracted value"),
    "review_reason": ("校核理由", "Review reason"), "reviewer": ("校核人", "Reviewer"),
    "confidence": ("置信度", "Confidence"),
    "primary": ("主值", "Primary"), "bulletin_issue": ("简报期号", "Bulletin issue"),
    "bulletin_date": ("简报日期", "Bulletin date"), "album_no": ("专辑号", "Album no."),
    "source_file": ("来源文件", "Source file"), "span_start": ("起始位置", "Span start"),
    "span_end": ("结束位置", "Span end"), "domain": ("领域", "Domain"), "steps": ("读数过程", "How it was read"),
    "alternatives": ("其他读法", "Other readings"), "report_id": ("报告编号", "Report id"),
}


# A part of a city that has no division code (a town, a community, the urban area), by the word its
# name ends with (the longest that fits); the rest of the name is read out in pinyin (Xiaoji Town).
PLACE_PARTS: dict[str, str] = {
    "中心城区": "central urban area", "主城区": "main urban area", "街道办事处": "Subdistrict",
    "街道": "Subdistrict", "市区": "urban area", "城区": "urban area", "社区": "Community", "镇": "Town",
    "乡": "Township", "村": "Village", "区": "District", "县": "County",
}


def t(key: str, lang: str = "zh", **kwargs: object) -> str:
    zh, en = STRINGS[key]
    text = en if lang == "en" else zh
    return text.format(**kwargs) if kwargs else text


def unit_label(unit: str, lang: str = "zh") -> str:
    zh, en = UNITS.get(unit, (unit, unit))
    return en if lang == "en" else zh


def column_label(column: str, lang: str = "zh") -> str:
    zh, en = COLUMNS.get(column, (column, column))
    return en if lang == "en" else zh


def place_part_en(name: str) -> str:
    """小冀镇 → Xiaoji Town, 文化路社区 → Wenhualu Community, 市区 → urban area."""
    from pypinyin import lazy_pinyin

    ending = next((e for e in sorted(PLACE_PARTS, key=len, reverse=True) if name.endswith(e)), "")
    stem = name[: len(name) - len(ending)]
    spoken = "".join(lazy_pinyin(stem)).capitalize()
    return " ".join(x for x in (spoken, PLACE_PARTS.get(ending, "")) if x) or name
