"""A generated corpus of city reports in the bulletins' styles, for benchmarks (not for accuracy).

Each report varies the city (Henan's 18 and cities of other provinces), the template, full-width
or ASCII digits, kept or lost decimal points, and hard wraps, so extraction does its real work.
"""

from __future__ import annotations

import random
import re
import textwrap
from pathlib import Path

CITIES = ["郑州", "开封", "洛阳", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "三门峡", "南阳",
          "商丘", "信阳", "周口", "驻马店", "济源", "苏州", "济南", "成都", "长沙", "合肥", "西安"]
FULL = str.maketrans("0123456789.%-", "０１２３４５６７８９．％－")

TEMPLATES = [
    "截至{year}年底,{city}市常住人口{pop}万人,其中60岁及以上人口{old}万人,占总人口的{share}%.联动监督开展以来,"
    "市人大常委会成立{groups}个联动监督检查组,听取{depts}个部门工作汇报,实地查看养老服务机构{fac}家,走访老年人{vis}人,"
    "召开座谈会{sym}次,发放调查问卷{q}份,收集意见建议{sug}条,形成调研报告{rep}篇.",
    "{city}市人大常委会组织各级人大代表{dep}人次参与监督,现场反馈问题{found}个,向市政府交办问题{assigned}项,"
    "目前已整改到位{fixed}个,整改率{rate}%.全市已建成并投入使用老年助餐点{meal}个,建成养老床位{beds}张,"
    "完成适老化改造{ren}户,投入资金{money}万元,农村养老服务设施覆盖率达到{cov}%.",
    "下一步,{city}市将新建老年食堂{meal2}个,力争年底前全市助餐点达到{meal3}个以上.其中,{county}建成助餐点{meal4}个."
    "三年来累计培养从业人员{train}万人次,全市共有养老机构{inst}家.",
]
COUNTIES = {"安阳": "林州市", "新乡": "长垣市", "洛阳": "偃师区", "南阳": "邓州市", "郑州": "巩义市"}


def _numbers(rng: random.Random) -> dict[str, str]:
    pop = rng.uniform(80, 1300)
    share = rng.uniform(14, 26)
    found = rng.randint(20, 200)
    fixed = rng.randint(5, found)
    return {
        "year": str(rng.choice([2022, 2023])), "pop": f"{pop:.1f}", "old": f"{pop * share / 100:.1f}",
        "share": f"{share:.2f}", "groups": str(rng.randint(2, 9)), "depts": str(rng.randint(8, 30)),
        "fac": str(rng.randint(10, 300)), "vis": str(rng.randint(100, 2000)), "sym": str(rng.randint(3, 40)),
        "q": str(rng.randint(200, 12000)), "sug": str(rng.randint(20, 300)), "rep": str(rng.randint(2, 30)),
        "dep": str(rng.randint(30, 900)), "found": str(found), "assigned": str(rng.randint(5, found)),
        "fixed": str(fixed), "rate": f"{fixed / found * 100:.1f}", "meal": str(rng.randint(20, 500)),
        "beds": str(rng.randint(1000, 50000)), "ren": str(rng.randint(300, 9000)),
        "money": f"{rng.uniform(50, 9000):.1f}", "cov": str(rng.randint(30, 95)), "meal2": str(rng.randint(5, 80)),
        "meal3": str(rng.randint(100, 600)), "meal4": str(rng.randint(3, 60)), "train": f"{rng.uniform(1, 9):.1f}",
        "inst": str(rng.randint(50, 1500)),
    }


def report(n: int, rng: random.Random) -> str:
    city = rng.choice(CITIES)
    values = _numbers(rng)
    body = "".join(TEMPLATES).format(city=city, county=COUNTIES.get(city, f"{city}市辖区"), **values)
    style = rng.random()
    if style < 0.5:  # the seeds' style: full-width digits, decimal points lost, hard-wrapped
        body = body.replace(".", "。").translate(FULL).replace("．", "")
        body = body.replace("。", ".")
        lines = textwrap.wrap(body, 29)
        text = "\n\n".join(lines)
        head = f" “积极应对人口老龄化　加快发展养老服务”联动监督专辑 (五十{n % 10})\n\n{city}: 监督推动养老服务提质增效\n\n"
        return head + text + f"\n\n({city}市人大社会建设委员会供稿)\n"
    if style < 0.8:  # a news article with ASCII digits and decimals kept
        return f"{city}市人大常委会扎实开展养老服务联动监督\n本报讯 " + body.replace(".", "。") + "\n"
    return f"{city}: 监督推动养老服务\n\n" + body.translate(FULL) + f"\n\n({city}市人大常委会供稿)\n"


def write(folder: Path, count: int = 1000, seed: int = 7) -> list[Path]:
    """Dense reports, one per file (gen_00000.txt …)."""
    return _write(folder, count, seed, report, "gen")


# Prose without figures, in the bulletins' manner (written for this corpus): real bulletins spend
# most of their characters on how the work was done, and that text costs extraction time too.
TOPICS = ["居家社区养老服务", "农村互助养老", "老年助餐服务", "医养结合", "养老服务人才队伍建设", "适老化改造",
          "智慧养老平台建设", "特困人员集中供养", "养老机构安全管理", "老年人权益保障"]
ACTIONS = ["坚持问题导向, 深入基层一线察实情", "采取明查与暗访相结合的方式", "紧盯群众反映强烈的突出问题",
           "把监督重点放在政策落地的最后一公里", "邀请专家学者和基层代表全程参与", "对照法律法规逐条逐项检查",
           "建立问题清单、责任清单和整改清单", "召开专题会议研究部署相关工作"]
OUTCOMES = ["推动相关部门压实责任、补齐短板", "促进养老服务供给更加精准高效", "让老年人的获得感成色更足",
            "形成人大监督与政府落实的工作合力", "为下一步完善地方性法规打下基础", "推动解决了一批群众急难愁盼问题"]


def _prose(city: str, rng: random.Random, sentences: int) -> str:
    return "".join(
        f"{city}市人大常委会围绕{rng.choice(TOPICS)}, {rng.choice(ACTIONS)}, {rng.choice(OUTCOMES)}."
        for _ in range(sentences))


def bulletin(n: int, rng: random.Random) -> str:
    """A bulletin of two or three city reports, each one passage of figures amid prose, as dense in
    figures as the seeds (a record per ~700 bytes)."""
    parts = [f"{2024 - n % 2}年{1 + n % 12}月{1 + n % 28}日\n\n(2024年第{n % 60 + 1}期)\n"]
    for _ in range(rng.choice([2, 3])):
        city = rng.choice(CITIES)
        values = _numbers(rng)
        sentences = rng.choice(TEMPLATES).format(city=city, county=COUNTIES.get(city, f"{city}市辖区"), **values)
        body = "".join(s + "." + _prose(city, rng, 6) for s in re.split(r"\.(?!\d)", sentences) if s)
        body = _prose(city, rng, 6) + body + _prose(city, rng, 6)
        if rng.random() < 0.5:
            body = body.replace(".", "。").translate(FULL).replace("．", "").replace("。", ".")
            body = "\n\n".join(textwrap.wrap(body, 29))
        parts.append(f"{city}: 监督推动养老服务提质增效\n\n{body}\n\n({city}市人大常委会供稿)\n")
    parts.append("报: 省人大常委会各位副主任、秘书长\n")
    return "\n".join(parts)


def write_bulletins(folder: Path, count: int = 1000, seed: int = 7) -> list[Path]:
    """Bulletins, one per file (bulletin_00000.txt …)."""
    return _write(folder, count, seed, bulletin, "bulletin")


def _write(folder: Path, count: int, seed: int, make, prefix: str) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{prefix}_{n:05d}.txt"
        path.write_text(make(n, rng), encoding="utf-8")
        paths.append(path)
    return paths
