"""normalize: the normalised text reads as one sentence, and every character maps back."""

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalize import all_bounds, clause_bounds, normalize, sentence_bounds

WRAPPED = (
    "近年来,安阳市老龄化程度也逐步加深,目前,全市常住人\n\n"
    "口５３７６万人,其中６５岁及以上人口８１１万人,占全市\n\n"
    "总人口的１５１％,已处于中度老龄化社会.省人大常委会创\n\n"
    "新部署联动监督以来,并初步查找出重点问题重点问题３０\n—３—\n\n\n\n"
    "余个,督办完成阶段性整改１４个.\n\n"
    "短行标题\n\n"
    "下一段开始了.\n"
)


def test_wraps_and_footers_are_joined():
    n = normalize(WRAPPED)
    assert "全市常住人口5376万人" in n.text
    assert "占全市总人口的151%" in n.text
    assert "重点问题30余个" in n.text
    assert "—" not in n.text


def test_paragraph_breaks_survive():
    n = normalize(WRAPPED)
    assert "\n短行标题\n下一段开始了。" in n.text


def test_a_long_label_before_a_colon_opens_a_wrapped_sentence():
    # 郑州: 上下联动 is a title that stands alone; a clause of twelve characters before a colon is not.
    n = normalize("郑州: 上下联动 凝聚合力\n\n各地发现问题数量差异较大:周口市梳理问题７３个,商丘市梳理\n\n问题５８个,信阳\n")
    assert "\n郑州" not in n.text and "郑州: 上下联动 凝聚合力\n" in n.text
    assert "商丘市梳理问题58个" in n.text


def test_a_few_wrapped_lines_among_many_short_ones_are_still_joined():
    # A bulletin's masthead, contents and sign-offs are short; the three lines at the wrap width stop mid-sentence.
    lines = ["简报", "第9期", "本期目录", "1.安阳:抓实整改", "2.鹤壁:进站听民声", "鹤壁:代表进站听民声",
             "鹤壁市人大常委会依托全市87个代表联络站,组织代表开展进",
             "站听民声活动,共收集养老服务方面意见建议156条,走访老",
             "年人1340人次,召开座谈会12场,形成调研报告3篇,推动解",
             "决问题9个。", "(鹤壁市人大常委会供稿)"]
    n = normalize("\n\n".join(lines) + "\n")
    assert "走访老年人1340人次" in n.text and "\n本期目录\n" in n.text


def test_spaces_a_pdf_puts_around_numbers_are_dropped_and_spans_still_map_back():
    original = "全市 60 岁以上老年人口 231.5 万人,建成助餐点1 260个。郑州: 上下联动 凝聚合力\t表\t12\n"
    n = normalize(original)
    assert "全市60岁以上老年人口231.5万人" in n.text and "建成助餐点1260个" in n.text
    assert "上下联动 凝聚合力\t表\t12" in n.text  # words and table columns keep their spaces
    start = n.text.index("231.5万")
    s, e = n.to_original(start, start + len("231.5万"))
    assert original[s:e] == "231.5 万" and n.printed(start, start + len("231.5万")) == "231.5万"


def test_columns_aligned_by_spaces_become_tabs_and_cells_map_back():
    original = "整改情况\n县区      发现问题(个)   整改率\n兰考县    12             91.7%\n合计  本报  讯\n一 二\n"
    n = normalize(original)
    assert "县区\t发现问题(个)\t整改率\n兰考县\t12\t91.7%" in n.text
    assert "合计\t本报\t讯" in n.text and "一 二" in n.text  # (two gaps make a row; one space is a word's)
    start = n.text.index("12\t")
    s, e = n.to_original(start, start + 2)
    assert original[s:e] == "12"
    tab = n.text.index("\t12")
    assert original[n.to_original(tab, tab + 1)[0]] == " "


def test_a_table_with_cells_apart_by_single_spaces_needs_a_heading_and_figures():
    n = normalize("如下表。\n县区 发现问题(个) 整改率\n兰考县 12 91.7%\n杞县 9 100%\n全市 60 岁以上老年人口 231.5 万人\n")
    assert "县区\t发现问题(个)\t整改率\n兰考县\t12\t91.7%\n杞县\t9\t100%" in n.text
    assert "全市60岁以上老年人口231.5万人" in n.text  # prose with spaced figures is no row
    assert "\t" not in normalize("一 二 三\n四 五 六\n").text  # no figures, no table


def test_a_markdown_table_becomes_tabs_and_cells_map_back():
    original = "如下表:\n| 县区 | 发现问题(个) |\n| --- | :---: |\n|兰考县|12|\n甲|乙\n"
    n = normalize(original)
    assert "县区\t发现问题(个)\n兰考县\t12\n甲|乙" in n.text  # (the row of dashes goes; one pipe is no table)
    start = n.text.index("12")
    s, e = n.to_original(start, start + 2)
    assert original[s:e] == "12"


def test_traditional_characters_fold_to_simplified_one_for_one():
    original = "鄭州市養老服務：建成助餐點三十餘個，乾縣"
    n = normalize(original)
    assert n.text == "郑州市养老服务:建成助餐点三十余个,乾县"  # (乾 is a simplified character too: kept)
    start = n.text.index("三十余")
    assert n.printed(start, start + 3) == "三十餘"


def test_a_web_pages_pinyin_readings_are_dropped_and_spans_still_map_back():
    original = "鎮(zhèn)原縣建成老年助餐服務(wù)點位86個,其中社區(qū)助餐點(個)31個。"
    n = normalize(original)
    assert n.text == "镇原县建成老年助餐服务点位86个,其中社区助餐点(个)31个。"  # (a note in Latin letters has no tone)
    start = n.text.index("86")
    assert n.original_slice(start, start + 2) == "86"
    assert n.printed(0, 3) == "鎮原縣" and n.original_slice(0, 3) == "鎮(zhèn)原縣"  # (quotes read as printed)


def test_a_comma_doubled_before_another_mark_is_dropped():
    n = normalize("代表在崆峒區,、莊浪縣開展調研,。全市建成助餐點186個,,其中城市社區54個")
    assert n.text == "代表在崆峒区、庄浪县开展调研。全市建成助餐点186个,其中城市社区54个"
    assert n.original_slice(n.text.index("186"), n.text.index("186") + 3) == "186"


def test_a_running_header_with_its_page_number_between_a_sentences_halves_is_dropped():
    lines = ["洛阳市人大常委会紧扣联动监督部署，组织市县乡三级人大代表参与监督，", "截至5月底，全市已建成老年助餐点612个，农村养老服务设施覆",
             "", "人大工作简报　　　　　　　　　　第2页", "", "盖率达到81.3%，养老机构床位总数达到2.86万张。"]
    n = normalize("\n".join(lines * 3))
    assert "农村养老服务设施覆盖率达到81.3%" in n.text and "第2页" not in n.text


def test_a_labelled_paragraph_at_the_wrap_width_goes_on_in_the_next_line():
    lines = ["洛阳:县区联动 各有特色", "栾川县:打造旅游康养模式,建成乡村幸福院42个、老年",
             "助餐点26个,覆盖全县12个乡镇,服务老人3000余人次,深受", "群众欢迎。", "宜阳县:推行党建助餐",
             "一二三四五六七八九十一二三四五六七八九十一二三四五。", "(洛阳市人大常委会供稿)", "简报", "第3期"]
    n = normalize("\n\n".join(lines) + "\n")
    assert "老年助餐点26个" in n.text and "洛阳:县区联动 各有特色\n" in n.text and "\n宜阳县:推行党建助餐\n" in n.text


def test_a_title_after_a_colon_and_a_space_is_a_heading_even_at_the_wrap_width():
    body = ["周口市人大常委会把推动养老服务高质量发展作为重要抓", "手,连续两年将其列入监督工作计划,成立６个专题调研组"] * 6
    n = normalize("\n\n".join(["周口: 紧盯“一老”关切 打好监督“组合拳”", *body,
                                 "栾川县:打造“旅游+康养”模式,建成乡村幸福院４２个、老年", "助餐点３８个."]) + "\n")
    assert "\n周口: 紧盯“一老”关切 打好监督“组合拳”\n" in "\n" + n.text
    assert "老年助餐点38个" in n.text  # a labelled paragraph still goes on in the next line


def test_an_editors_note_opens_a_line_of_its_own_even_after_a_line_at_the_wrap_width():
    body = ["周口市人大常委会把推动养老服务高质量发展作为重要抓", "手,连续两年将其列入监督工作计划,成立６个专题调研组"] * 6
    n = normalize("\n\n".join(["河南省人大社会建设委员会　２０２４年１２月２６日日", "【编者按】联动监督开展以来,全省各级人大常委会共组织代",
                                 "表５.６万人次参与监督.", *body]) + "\n")
    assert "\n【编者按】联动监督开展以来,全省各级人大常委会共组织代表5.6万人次参与监督。\n" in n.text


def test_sentence_dots_become_full_stops_but_decimals_stay():
    n = normalize("人口537.6万人.下一句")
    assert n.text == "人口537.6万人。下一句"


def test_every_character_maps_back():
    n = normalize(WRAPPED)
    for i, ch in enumerate(n.text):
        if ch == "\n":
            continue
        orig = n.original[n.omap[i]]
        assert ch == orig or (ch == "。" and orig == ".") or ord(orig) > 0xFF00 or orig == "\u3000"


def test_span_of_a_split_number_covers_the_wrap():
    n = normalize(WRAPPED)
    start = n.text.index("30余")
    s, e = n.to_original(start, start + 3)
    assert n.original[s:e].replace("\n", "").replace("—３—", "") == "３０余"
    assert n.printed(start, start + 3) == "３０余"


def test_bom_and_crlf_are_not_text():
    n = normalize("\ufeff第一行,\r\n第二行.\r\n")
    assert "\ufeff" not in n.text and "\r" not in n.text


def test_unwrapped_text_keeps_its_paragraphs():
    text = "\n".join(["这是一段很长的新闻正文" * 5 + "。"] * 10 + ["标题没有句号", "正文。"])
    n = normalize(text)
    assert "标题没有句号\n正文。" in n.text


def test_bounds():
    t = "甲,乙丙;丁。戊"
    assert sentence_bounds(t, 3) == (0, 5)
    assert clause_bounds(t, 3) == (2, 4)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab。!?;,:\n", max_size=40))
def test_all_bounds_are_the_one_position_bounds(text):
    """The bounds found with bisect over a text's stops are the ones a walk from the position finds."""

    def walk(pos: int, stops: str) -> tuple[int, int]:  # after the stop before, up to the stop after
        start = pos
        while start > 0 and text[start - 1] not in stops:
            start -= 1
        end = pos
        while end < len(text) and text[end] not in stops:
            end += 1
        return start, end

    positions = list(range(len(text)))
    expected = []
    for pos in positions:
        s0, s1 = walk(pos, "。!?;\n")
        c0, c1 = walk(pos, ",;:。!?\n")
        p0 = walk(s0 - 1, "。!?;\n")[0] if s0 else s0
        expected.append((s0, min(s1 + 1, len(text)), c0, c1, p0))
    assert all_bounds(text, positions) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 。\n\t\u3000\u2028\x1c\x0b")), max_size=40))
def test_lines_are_the_stripped_lines(text):
    """The line regex finds what str.split and str.strip would: each non-blank line, without its margins."""
    from extract.normalize import _LINE_RE

    expected, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            start = pos + len(raw) - len(raw.lstrip())
            expected.append((start, raw.strip()))
        pos += len(raw) + 1
    assert [(m.start(1), m.group(1)) for m in _LINE_RE.finditer(text)] == expected
