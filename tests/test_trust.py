"""The right place, the right time, the right thing — or a flag. One row per way reports go wrong,
grouped by class, each a sentence in a report's style (none from a real report). Known misses
are strict xfails: fixing one turns it red, and it moves to the passing rows."""

import pytest

from extract import extract_text
from extract.models import NOT_PRIMARY
from extract.regions import NATION

# (text, region_code, indicator, value, expectation): expectation is "primary", "not_primary" (kept,
# flagged, never the chart's), "absent" (never this indicator), "never_primary" (either of the two),
# or a dict of attributes to check.
CITY = "南阳市人大常委会开展养老服务联动监督。"
PLACE = [
    (CITY + "全市建成老年助餐点402个。其中,邓州市建成老年助餐点63个。", "411381", "meal_sites", 63, "primary"),
    (CITY + "全市建成老年助餐点402个。其中,邓州市建成老年助餐点63个。", "411300", "meal_sites", 402, "primary"),
    # The province (or, in a county's report, its city) named as a clause's subject: that place's figure.
    (CITY + "河南省老年助餐点已达1.3万个,南阳市建成412个。", "410000", "meal_sites", 13000, "primary"),
    (CITY + "河南省老年助餐点已达1.3万个,南阳市建成412个。", "411300", "meal_sites", 412, "primary"),
    ("邓州市人大常委会调研养老服务。南阳市老年助餐点达到412个,邓州市建成63个。", "411300", "meal_sites", 412, "primary"),
    ("邓州市人大常委会调研养老服务。南阳市老年助餐点达到412个,邓州市建成63个。", "411381", "meal_sites", 63, "primary"),
    # … but not where the report's own place is named after it (我县): the city hands the task down.
    ("唐河县人大常委会调研养老服务。南阳市下达我县的年度任务是新建助餐点20个,目前已建成16个。", "411328", "meal_sites", 20,
     {"primary": True, "status": "planned"}),
    ("唐河县人大常委会调研养老服务。南阳市下达我县的年度任务是新建助餐点20个,目前已建成16个。", "411328", "meal_sites", 16,
     "not_primary"),
    # A town named right after its county: the town's figure, a part.
    (CITY + "镇平县石佛寺镇建成老年助餐点8个。", "411324", "meal_sites", 8, "not_primary"),
    (CITY + "镇平县建成老年助餐点38个。", "411324", "meal_sites", 38, "primary"),
    # A place named by pointing back (该市, 该县) is the last one named before with that ending.
    (CITY + "以邓州市为例,该市建成老年助餐点63个。", "411381", "meal_sites", 63, "primary"),
    (CITY + "唐河县积极探索。该县建成老年助餐点35个,全市共建成402个。", "411328", "meal_sites", 35, "primary"),
    (CITY + "唐河县积极探索。该县建成老年助餐点35个,全市共建成402个。", "411300", "meal_sites", 402, "primary"),
    (CITY + "调研组还赴苏州市学习,该市建成长者食堂1380家。", "411300", "meal_sites", 1380, "not_primary"),
    (CITY + "该市建成老年助餐点412个。", "411300", "meal_sites", 412, "primary"),  # (the report's own)
    (CITY + "全省60岁及以上老年人口1796万人。", "410000", "elderly_population", 17960000, "primary"),
    (CITY + "全国60岁及以上人口占全国人口的21.1%。", NATION, "elderly_share", 21.1, "primary"),
    # The nation's elderly (2.97亿) are no longer above what an elderly count may be.
    (CITY + "会议指出,全国60岁及以上人口已达2.97亿人,占全国人口的21.1%。", NATION, "elderly_population", 297000000,
     "primary"),
    ("河南省人大常委会调研组赴鹤壁市、濮阳市调研。两市60岁及以上人口占比较高,鹤壁市、濮阳市分别为19.6%和18.2%。",
     "410900", "elderly_share", 18.2, "primary"),
    (CITY + "嵩县、栾川县老年助餐点分别达到36个、41个。", "410324", "meal_sites", 41, "primary"),
    (CITY + "全市已建成老年助餐点318个。其中,小冀镇已建成助餐点12个。", "411300", "meal_sites", 12, "not_primary"),
    ("本报讯 市区已建成老年助餐点86个,南阳市共建成老年助餐点241个。", "411300", "meal_sites", 241, "primary"),
    ("本报讯 市区已建成老年助餐点86个,南阳市共建成老年助餐点241个。", "411300", "meal_sites", 86, "not_primary"),
    # A part keeps its own name under the city's code (the news item's 本报讯 is no part of it).
    ("本报讯 市区已建成老年助餐点86个,南阳市共建成老年助餐点241个。", "411300", "meal_sites", 86,
     {"region_name": "南阳市市区", "primary": False}),
    (CITY + "全市已建成老年助餐点318个。其中,小冀镇已建成助餐点12个。", "411300", "meal_sites", 12,
     {"region_name": "南阳市小冀镇"}),
    # A number that names no indicator but continues a list of places, or a 分别 list, after one that does.
    ("河南省人大常委会通报。全省已建成老年助餐点1.1万个,其中安阳市640个、鹤壁市215个。", "410600", "meal_sites", 215,
     "primary"),
    ("河南省人大常委会通报。从各地看,许昌市老年助餐点已达310个,漯河市、周口市分别建成205个和388个。", "411600",
     "meal_sites", 388, "primary"),
    (CITY + "全市建成老年助餐点300个,辐射宛城区12个乡镇。", "411302", "meal_sites", 12, "absent"),
    # A place at the head of an earlier clause is the subject of the clauses after it, until one names
    # another place or the whole.
    (CITY + "考察组了解到,杭州市户籍老年人口占比达到30.1%,已建成老年食堂1500余家。", "330100", "meal_sites", 1500,
     "primary"),
    (CITY + "宛城区建成助餐点30个,全市共建成助餐点402个。", "411300", "meal_sites", 402, "primary"),
    # 城区 alone is the urban area, not Yangquan's district of that name.
    (CITY + "全市已建成老年助餐点64个,其中城区18个、乡村46个。", "140302", "meal_sites", 18, "absent"),
    # Places after a verb of going there are where the supervision went.
    (CITY + "常委会领导带队深入宛城区、镇平县实地察看养老服务设施11处。", "411300", "facilities_inspected", 11,
     "primary"),
    # A 分别 list pairs the values of its own clause, not a total after it.
    (CITY + "宛城区、卧龙区、镇平县分别建成老年助餐点22个、35个、28个,全市累计达到260个。", "411324", "meal_sites", 28,
     "primary"),
    (CITY + "宛城区、卧龙区、镇平县分别建成老年助餐点22个、35个、28个,全市累计达到260个。", "411300", "meal_sites", 260,
     "primary"),
    (CITY + "邓州市、唐河县农村养老服务设施覆盖率分别达到78.2%、71.6%,全市平均水平为69.4%。", "411300",
     "rural_facility_coverage", 69.4, "primary"),
    # The province's figure a city is compared with.
    (CITY + "老龄化率21.3%,高于全省平均水平(18.08%)3.2个百分点。", "410000", "elderly_share", 18.08, "primary"),
    (CITY + "全市农村养老服务设施覆盖率为72%,全省为64%。", "410000", "rural_facility_coverage", 64, "primary"),
    (CITY + "全区共有长者饭堂56间。", "411300", "meal_sites", 56, "primary"),
    # Several places' figure at the head of a sentence speaks for its later clauses too.
    ("山东省人大常委会调研。4市共梳理问题62个,目前已整改47个。", "370000", "problems_rectified", 47, "not_primary"),
    ("山东省人大常委会调研。全省共梳理问题62个,目前已整改47个。", "370000", "problems_rectified", 47, "primary"),
    # The counties' own bodies, or the sum of the counties, are no one place's figure.
    (CITY + "市人大交办问题46条。各县(市、区)人大自查发现问题132个,已整改118个。", "411300", "problems_found", 132,
     "not_primary"),
    (CITY + "市人大交办问题46条。各县(市、区)人大自查发现问题132个,已整改118个。", "411300", "problems_rectified", 118,
     "not_primary"),
    # A report copied from a web page's traditional-character view is read as the simplified one.
    ("鶴壁市人大常委會開展視察。全市已建成老年助餐點268個,全市60歲以上老年人口33.2萬人。", "410600", "meal_sites", 268,
     "primary"),
    # A column headed with (%) holds shares written without the sign.
    (CITY + "\n表1 各县(区)农村养老服务设施情况\n县(区)\t设施数(个)\t覆盖率(%)\n邓州市\t236\t85.1\n唐河县\t198\t80.6\n",
     "411381", "rural_facility_coverage", 85.1, "primary"),
    # The services of the place's own level (市本级) are a part; its own level's supervision is its whole.
    ("许昌市人大常委会监督。市本级建成老年助餐点36个。", "411000", "meal_sites", 36, "not_primary"),
    ("许昌市人大常委会监督。市本级排查发现问题21个。", "411000", "problems_found", 21, "primary"),
    # A Markdown table's rows, as converters and web pages write them.
    ("山东省人大常委会调研。\n\n| 市 | 老年助餐点(个) | 覆盖率 |\n|---|:---:|---|\n| 济宁市 | 1284 | 91.2% |\n"
     "| 泰安市 | 736 | 87.5% |\n", "370900", "meal_sites", 736, "primary"),
    # A web page's links to other articles after the article are not its figures.
    ("焦作市人大常委会开展视察。全市已建成老年助餐点412个。\n分享到:\n相关新闻\n· 修武县建成助餐点36个\n", "410821",
     "meal_sites", 36, "absent"),
    # …nor a WeChat post's earlier posts, whose bodies would otherwise take the report (召陵区人大:…).
    ("原创 漯河人大\n【联动监督】漯河:助餐服务暖心\n视察组实地察看了源汇区、郾城区的8个助餐点。\n往期推荐\n"
     "● 召陵区人大:建成助餐点31个\n● 召陵区人大:视察养老机构\n", "411100", "facilities_inspected", 8, "primary"),
    # An average over places, and a figure that several counted places exceed, are no one place's; the place
    # named as the most is.
    (CITY + "全市各县(市、区)平均建成老年助餐点52个,其中最多的邓州市建成了126个。", "411300", "meal_sites", 52, "not_primary"),
    (CITY + "全市各县(市、区)平均建成老年助餐点52个,其中最多的邓州市建成了126个。", "411381", "meal_sites", 126,
     "primary"),
    (CITY + "有7个县(市、区)农村养老服务设施覆盖率超过80%,全市平均为83.6%。", "411300", "rural_facility_coverage", 80,
     "not_primary"),
    (CITY + "有7个县(市、区)农村养老服务设施覆盖率超过80%,全市平均为83.6%。", "411300", "rural_facility_coverage", 83.6,
     "primary"),
    # 全省 heading an earlier clause with a figure speaks for the later clauses of its sentence; not where it
    # only dates them, and not for the supervision's own counts.
    ("开封市人大常委会开展监督。全省已建成老年助餐点1.26万个,农村养老服务设施覆盖率达到76.2%。", "410000",
     "rural_facility_coverage", 76.2, "primary"),
    ("开封市人大常委会开展监督。全省联动监督开展以来,全市新建老年助餐点86个,总数达到412个。", "410200", "meal_sites",
     412, "primary"),
    ("开封市人大常委会开展监督。全省已建成老年助餐点1.26万个,市人大常委会走访老年人3200人。", "410200",
     "elderly_visited", 3200, "primary"),
    ("宜阳县人大常委会召开推进会。会上通报,全市已建成老年助餐点512个,农村养老服务设施覆盖率达到81.3%。", "410300",
     "rural_facility_coverage", 81.3, "primary"),
    # The county seat is a part of its county.
    ("郸城县人大常委会视察。县城建成老年助餐点12个。全县已建成老年助餐点76个。", "411625", "meal_sites", 12, "not_primary"),
    ("郸城县人大常委会视察。县城建成老年助餐点12个。全县已建成老年助餐点76个。", "411625", "meal_sites", 76, "primary"),
    # A bulletin's editor's note before its first report (【编者按】…全省…) is the issuing body's province's.
    ("河南省人大社会建设委员会\n简报\n(2024年第65期)\n【编者按】联动监督开展以来,全省各级人大共组织代表5.6万人次参与监督。\n"
     "焦作: 以清单推动整改\n焦作市人大常委会共梳理问题42个。\n(焦作市人大常委会供稿)\n", "410000",
     "deputies_participating", 56000, "primary"),
    ("河南省人大社会建设委员会\n简报\n(2024年第65期)\n【编者按】联动监督开展以来,全省各级人大共组织代表5.6万人次参与监督。\n"
     "焦作: 以清单推动整改\n焦作市人大常委会共梳理问题42个。\n(焦作市人大常委会供稿)\n", "410800",
     "problems_found", 42, "primary"),
    # 其中我市 after the province's total: the city's own figure.
    ("许昌市人大常委会开展监督。全省共建成老年助餐点1.26万个,其中我市1286个,占全省的10.2%。", "411000", "meal_sites", 1286,
     "primary"),
    ("许昌市人大常委会开展监督。全省共建成老年助餐点1.26万个,其中我市1286个,占全省的10.2%。", "411000", "elderly_share",
     10.2, "absent"),
    # 省人大常委会 with no name before it reports for the province, unless it visits one city.
    ("省人大常委会执法检查组赴郑州、洛阳、南阳3市检查《河南省老年人权益保障条例》实施情况。全省共有养老机构3041家。",
     "410000", "care_institutions", 3041, "primary"),
    ("省人大常委会调研组来安阳市调研养老服务。据介绍,60岁以上老年人口占比为19.2%。", "410500", "elderly_share", 19.2,
     "primary"),
    # 全区 is the report's own place where the report calls it a 区 (济源示范区).
    ("济源示范区人大工委开展视察。视察组了解到,全区已建成运营的老年助餐点共有86个。", "419001", "meal_sites", 86, "primary"),
    # Clauses that repeat the one before for other places: 博爱县建成35个.
    (CITY + "宛城区建成老年助餐点28个,卧龙区建成35个,镇平县建成41个,全市总数达到247个。", "411324", "meal_sites", 41,
     "primary"),
    (CITY + "宛城区建成老年助餐点28个,卧龙区建成35个,镇平县建成41个,全市总数达到247个。", "411300", "meal_sites", 247,
     "primary"),
    # 两市…分别为: the places of the sentence before; unpaired values after 分别为 are no one place's.
    ("河南省人大常委会调研。安阳市已建成老年助餐点288个,鹤壁市已建成126个;两市农村养老服务设施覆盖率分别为72.5%和68.3%。",
     "410600", "rural_facility_coverage", 68.3, "primary"),
    (CITY + "两地农村养老服务设施覆盖率分别为72.5%和68.3%。", "411300", "rural_facility_coverage", 72.5, "not_primary"),
    (CITY + "调研组分别听取了3个县政府及其民政、卫健等12个部门的情况汇报。", "411300", "departments_briefed", 12,
     "primary"),
    ("延吉市人大常委会听取报告。延吉市老龄化率达到26.3%。延边州老龄化率为28.1%。", "222400", "elderly_share", 28.1,
     "primary"),
    # 全市 in a county's report is its city.
    ("宜阳县人大常委会视察。全县老年助餐点达到38个。洛阳市人大常委会统筹指导,全市老年助餐点总数达到512个。", "410300",
     "meal_sites", 512, "primary"),
    ("宜阳县人大常委会视察。全县老年助餐点达到38个。洛阳市人大常委会统筹指导,全市老年助餐点总数达到512个。", "410327",
     "meal_sites", 38, "primary"),
    # The city above a county's report, as the body handing work down, does not take the number.
    ("林州市人大常委会对安阳市人大常委会交办的6个问题和本级发现的15个问题进行跟踪监督。", "410581",
     "problems_assigned", 6, "primary"),
    ("林州市人大常委会对安阳市人大常委会交办的6个问题和本级发现的15个问题进行跟踪监督。", "410581",
     "problems_found", 15, "primary"),
    # A town's own body reporting: its figures are the town's, under its county.
    ("西平县出山镇人大主席团开展视察。全镇建成老年助餐点6个,收集意见建议11条。", "411721", "meal_sites", 6,
     {"region_name": "驻马店市西平县出山镇", "primary": False}),
    ("西平县出山镇人大主席团开展视察。全镇建成老年助餐点6个,收集意见建议11条。", "411721", "suggestions", 11,
     "not_primary"),
    ("滑县人大常委会联合各乡镇人大主席团开展视察。全县建成老年助餐点58个。", "410526", "meal_sites", 58, "primary"),
    # The whole place's own figure set against another place's.
    (CITY + "信阳市已建成助餐点70个,我市仅建成38个。", "411300", "meal_sites", 38, "primary"),
    (CITY + "信阳市已建成助餐点70个,我市仅建成38个。", "411500", "meal_sites", 70, "primary"),
    # A development zone is a part of its city; 济源示范区 is 济源 itself.
    (CITY + "在高新区,已建成助餐点28个。", "411300", "meal_sites", 28, "not_primary"),
    ("济源示范区人大工委推动建成老年助餐点88个。", "419001", "meal_sites", 88, "primary"),
    # A part at the head of its sentence speaks for the sentence's later clauses, until one names a place.
    (CITY + "王村街道辖区60岁以上老年人2.3万人,占常住人口的24.1%,建有社区助餐点6个。", "411300", "meal_sites", 6,
     {"region_name": "南阳市王村街道", "primary": False}),
    (CITY + "王村街道辖区60岁以上老年人2.3万人,占常住人口的24.1%,建有社区助餐点6个。", "411300", "elderly_share",
     24.1, "not_primary"),
    ("宛城区人大常委会视察养老服务。王村街道已建成助餐点6个,全区共建成助餐点58个。", "411302", "meal_sites", 58,
     "primary"),
    # 其中我县 in a county's report, after its city's total: the county's own figure.
    ("鄢陵县人大常委会开展监督。全市共建成老年助餐点310个,其中我县建成52个。", "411024", "meal_sites", 52, "primary"),
    ("鄢陵县人大常委会开展监督。全市共建成老年助餐点310个,其中我县建成52个。", "411000", "meal_sites", 310, "primary"),
    # … but in a city's report 全区 is some district's whole, and which one the text does not say.
    (CITY + "王村街道已建成助餐点6个,全区共建成助餐点58个。", "411300", "meal_sites", 58, "not_primary"),
    (CITY + "考察组赴苏州市学习,苏州市已建成长者食堂1380家。", "320500", "meal_sites", 1380, "primary"),
    ("郑州: 同频共振\n\n郑州市金水区人大常委会组织代表走访老年人96人。\n\n(郑州市人大常委会供稿)\n",
     "410105", "elderly_visited", 96, "primary"),
    (CITY + "学习借鉴苏州市、杭州市经验,建成助餐点50个。", "411300", "meal_sites", 50, "primary"),
    (CITY + "据介绍,苏州市、杭州市两地共建成助餐点3500个。", "411300", "meal_sites", 3500, "not_primary"),
    # Districts named as where the inspected places lie: the count is the inspection's, so the report's.
    ("宜昌市人大常委会视察养老服务。视察组先后深入西陵区、夷陵区的5个养老服务综合体实地察看。", "420500",
     "facilities_inspected", 5, "primary"),
    (CITY + "代表们先后走进宛城区、镇平县等地的8家医养结合机构。", "411300", "facilities_inspected", 8, "primary"),
    (CITY + "视察组先后查看了宛城区、卧龙区的6个老年助餐点。", "411300", "facilities_inspected", 6, "primary"),
    # … but a county's own stock stays the county's.
    (CITY + "其中,镇平县的老年助餐点已有27个。", "411324", "meal_sites", 27, "primary"),
    # A 分别 list in an earlier clause does not take a later clause's number from its own subject.
    ("河南省人大常委会召开推进会。从各地看,洛阳市、新乡市分别建成586个和412个,信阳市农村养老服务设施覆盖率提高到71.5%。",
     "411500", "rural_facility_coverage", 71.5, "primary"),
    # Several places at once (两市共…) are no one place's figure; the places' own figures after it are theirs.
    ("许昌漯河两市人大常委会联合视察。两市共建成老年助餐点482个,其中许昌市314个、漯河市168个。", "411000",
     "meal_sites", 482, "not_primary"),
    ("许昌漯河两市人大常委会联合视察。两市共建成老年助餐点482个,其中许昌市314个、漯河市168个。", "411000",
     "meal_sites", 314, "primary"),
    (CITY + "郑州、开封、洛阳等8个省辖市已实现城市社区助餐服务全覆盖,共建成助餐点4200个。", "411300", "meal_sites",
     4200, "not_primary"),
    (CITY + "调研组走访了宛城区、卧龙区、镇平县等6个县(市、区),召开座谈会9场。", "411300", "symposia", 9, "primary"),
    # The highest or lowest of several places, none named, is no place's figure that a chart can show.
    ("河南省人大常委会执法检查。18个省辖市中,老龄化率最高的达到24.3%,最低的为15.2%。", "410000", "elderly_share",
     24.3, "not_primary"),
    # A district whose name several cities share, none named and none in Henan: which one is undecided.
    ("桥西区人大常委会视察居家养老服务。全区已建成老年助餐点21个。", "130104", "meal_sites", 21, "not_primary"),
    ("石家庄市桥西区人大常委会视察居家养老服务。全区已建成老年助餐点21个。", "130104", "meal_sites", 21, "primary"),
    ("鼓楼区人大常委会视察居家养老服务。全区已建成老年助餐点14个。", "410204", "meal_sites", 14, "primary"),
    # A town as the label before a colon: the item is that town's.
    ("宁陵县人大常委会视察。各乡镇建设情况如下:城关回族镇:助餐点6个;逻岗镇:助餐点3个。全县合计建成助餐点41个。",
     "411423", "meal_sites", 6, {"region_name": "商丘市宁陵县城关回族镇", "primary": False}),
    ("宁陵县人大常委会视察。各乡镇建设情况如下:城关回族镇:助餐点6个;逻岗镇:助餐点3个。全县合计建成助餐点41个。",
     "411423", "meal_sites", 41, "primary"),
    # Zones (经开区, 高新区, 旅游度假区, 保税区) are parts of the city.
    (CITY + "经开区建成老年助餐点12个。全市共建成老年助餐点520个。", "411300", "meal_sites", 12, "not_primary"),
    (CITY + "经开区建成老年助餐点12个。全市共建成老年助餐点520个。", "411300", "meal_sites", 520, "primary"),
    (CITY + "云台山旅游度假区新建老年助餐点3个。", "411300", "meal_sites", 3, {"region_name": "南阳市云台山旅游度假区"}),
    # 全区 in a city's report speaks of the district its sentence began with (全市 would be the city's own).
    ("周口市人大常委会调研养老服务。其中,川汇区老年人口9.6万人,占全区常住人口的18.4%。", "411602",
     "elderly_share", 18.4, "primary"),
    ("周口市人大常委会调研养老服务。其中,市区(川汇区)老年人口9.6万人,占常住人口的18.4%。", "411602",
     "elderly_share", 18.4, "primary"),
    ("周口市人大常委会调研养老服务。其中,川汇区老年人口9.6万人,全市老年人口占常住人口的20.7%。", "411600",
     "elderly_share", 20.7, "primary"),
    # Places listed with a figure each (宛城区56个、卧龙区48个): each figure is its place's, in doubt of none.
    (CITY + "全市建成老年助餐点412个(其中:宛城区56个、卧龙区48个)。", "411303", "meal_sites", 48, "primary"),
    (CITY + "宛城区建成老年助餐点56个,卧龙区和镇平县建成48个。", "411324", "meal_sites", 48, "not_primary"),
    # An average over counties, or the lowest and highest of them, is no place's count.
    (CITY + "县区平均建成老年助餐点31.7个。", "411300", "meal_sites", 31.7, "never_primary"),
    (CITY + "全市各县区老年助餐点数量从12个到86个不等。", "411300", "meal_sites", 12, "never_primary"),
    (CITY + "全市各县区老年助餐点数量从12个到86个不等。", "411300", "meal_sites", 86, "never_primary"),
    # In a province's digest laid out in a way no heading rule knows, a city's congress named without its city
    # makes the figure some city's, not the province's (全省市县两级人大 is the province's).
    ("工作动态\n河南省人大常委会办公厅\n\n◎开封 市人大常委会组织调研组实地查看养老机构26家。\n\n"
     "◎洛阳 市人大常委会召开座谈会4场。", "410000", "facilities_inspected", 26, "not_primary"),
    ("工作动态\n河南省人大常委会办公厅\n\n全省市县两级人大共组织视察调研386次,走访老年人2.6万人。", "410000",
     "elderly_visited", 26000, "primary"),
    # A town's own body reporting, named after the title's lead (…——X镇人大开展…) or in its source line: the
    # figures are the town's, under its county's code.
    ("守护老人幸福“食”光——柳泉镇人大开展老年助餐专题调研\n\n来源:汝州市柳泉镇人大\n\n"
     "座谈会上,镇民政所汇报:全镇已建成老年助餐点7个。", "410482", "meal_sites", 7,
     {"region_name": "平顶山市汝州市柳泉镇", "primary": False}),
    ("老年助餐专题调研\n\n来源:汝州市柳泉镇人大\n\n全镇已建成老年助餐点7个。", "410482", "meal_sites", 7,
     {"region_name": "平顶山市汝州市柳泉镇", "primary": False}),
]
STAGE = [
    # A report whose title names it a plan (工作要点) is a plan throughout; one on how a plan went is not.
    ("汤阴县人大常委会2024年工作要点\n\n一、开展养老服务联动监督,组织代表不少于100人次参与,推动新建老年助餐点20个。", "410523",
     "deputies_participating", 100, "not_primary"),
    ("汤阴县人大常委会2024年工作要点\n\n一、开展养老服务联动监督,组织代表不少于100人次参与,推动新建老年助餐点20个。", "410523",
     "meal_sites", 20, {"status": "planned"}),
    ("汤阴县人大常委会关于2023年工作计划执行情况的报告\n\n2023年，县人大常委会认真执行年度工作计划，全年组织县乡两级人大代表"
     "136人次参与养老服务联动监督，实地察看养老服务设施，推动解决了一批群众急难愁盼问题，监督工作取得明显成效。", "410523",
     "deputies_participating", 136, "primary"),
    # The noun may end the clause before the change (…覆盖率提升最快,由…提高到…).
    (CITY + "全市农村养老服务设施覆盖率提升最快,由2023年底的52.6%提高到目前的76.9%。", "411300", "rural_facility_coverage",
     76.9, "primary"),
    # A series goes on after a semicolon: its latest step is the figure.
    ("南阳市人大常委会2024年开展监督。截至2023年底,全市老年助餐点412个;截至2024年6月底,达到468个。", "411300", "meal_sites",
     468, {"primary": True, "ref_period": "2024-06"}),
    # The year's tasks named at the head of a sentence make its figures plans.
    (CITY + "全年任务是:新建老年助餐点100个,农村养老服务设施覆盖率提高到75%。", "411300", "rural_facility_coverage", 75,
     "not_primary"),
    (CITY + "全年任务是:新建老年助餐点100个,农村养老服务设施覆盖率提高到75%。", "411300", "meal_sites", 100,
     {"status": "planned"}),
    # A part named by its stage alone is the thing the number before counts, at that stage.
    (CITY + "全市已建成老年助餐点268个,其中正常运营241个。", "411300", "meal_sites", 241,
     {"primary": True, "status": "operating"}),
    # A series: each step dates its own value, the last is the figure (再到 is no deadline); the change's
    # value "now" is read too.
    (CITY + "全市老年助餐点从2021年的96个增加到2022年的163个,再到2023年底的241个。", "411300", "meal_sites", 241,
     {"primary": True, "status": None, "ref_period": "2023-12-31"}),
    (CITY + "全市老年助餐点从2021年的96个增加到2022年的163个,再到2023年底的241个。", "411300", "meal_sites", 163,
     {"primary": False}),
    (CITY + "农村养老服务设施覆盖率由2021年的58.3%提升至目前的81.7%。", "411300", "rural_facility_coverage", 81.7,
     "primary"),
    # A table's target column is a plan; a row of what was added (新建…) is an increase; a numbered section of
    # measures (四、保障措施) belongs to the plan; a past year's section of work done is none.
    ("南阳市民生实事完成情况\n项目\t年度目标\t完成数\n适老化改造(户)\t2000\t1860\n", "411300",
     "aging_friendly_renovations", 2000, "not_primary"),
    ("南阳市民生实事完成情况\n项目\t年度目标\t完成数\n适老化改造(户)\t2000\t1860\n", "411300",
     "aging_friendly_renovations", 1860, "primary"),
    ("南阳市民生实事完成情况\n项目\t年度目标\t完成数\n新建老年助餐点(个)\t120\t126\n", "411300", "meal_sites", 126,
     "not_primary"),
    ("许昌市工作总结和工作打算\n三、2025年重点工作\n新建老年助餐点80个。\n四、保障措施\n全年安排养老服务资金1.2亿元。\n",
     "411000", "investment", 120000000, "not_primary"),
    ("2025年1月10日\n许昌市民政局工作总结\n一、2024年重点工作\n全市建成老年助餐点388个。\n", "411000", "meal_sites",
     388, "primary"),
    # A numbered section of plans (二、2024年工作安排) up to the next numbered section; not one on how a plan went.
    ("焦作市民政局工作总结和工作安排\n一、2023年工作回顾\n全市老年助餐点总数达到412个。\n二、2024年工作安排\n"
     "新建老年助餐点100个;完成适老化改造1500户。\n三、2023年工作计划完成情况\n完成适老化改造1320户。\n", "410800",
     "aging_friendly_renovations", 1500, "not_primary"),
    ("焦作市民政局工作总结和工作安排\n一、2023年工作回顾\n全市老年助餐点总数达到412个。\n二、2024年工作安排\n"
     "新建老年助餐点100个;完成适老化改造1500户。\n三、2023年工作计划完成情况\n完成适老化改造1320户。\n", "410800",
     "aging_friendly_renovations", 1320, "primary"),
    ("焦作市民政局工作总结和工作安排\n一、2023年工作回顾\n全市老年助餐点总数达到412个。\n二、2024年工作安排\n"
     "新建老年助餐点100个;完成适老化改造1500户。\n", "410800", "meal_sites", 100, {"status": "planned"}),
    # 由A增加到<year>的B: B's period is the one after 到.
    (CITY + "全市老年助餐点由2022年的96个增加到2023年底的318个。", "411300", "meal_sites", 318,
     {"primary": True, "ref_period": "2023-12-31"}),
    (CITY + "全市老年助餐点由2022年的96个增加到2023年底的318个。", "411300", "meal_sites", 96,
     {"primary": False, "ref_period": "2022"}),
    # 上年末 in a report that gives no year is older than 目前.
    ("灵宝市人大常委会听取报告。上年末全市养老床位3860张;目前全市养老床位达到4280张。", "411282", "care_beds", 4280,
     "primary"),
    ("灵宝市人大常委会听取报告。上年末全市养老床位3860张;目前全市养老床位达到4280张。", "411282", "care_beds", 3860,
     {"primary": False}),
    (CITY + "今年要建成老年助餐点220个。", "411300", "meal_sites", 220, {"status": "planned"}),
    (CITY + "全市养老机构床位预计2025年达到2.8万张。", "411300", "care_beds", 28000, "never_primary"),
    (CITY + "力争年底前农村养老服务设施覆盖率达到70%。", "411300", "rural_facility_coverage", 70, "not_primary"),
    (CITY + "2024年,全市农村养老服务设施覆盖率从去年的46.5%提升至63%。", "411300", "rural_facility_coverage", 63,
     {"ref_period": "2024", "primary": True}),
    (CITY + "2024年,全市农村养老服务设施覆盖率从去年的46.5%提升至63%。", "411300", "rural_facility_coverage", 46.5,
     {"ref_period": "2023", "primary": False}),
    (CITY + "报告显示,预计到2030年,全市老年人口将达到56万人。", "411300", "elderly_population", 560000,
     "never_primary"),
    (CITY + "下一步,市政府计划新增护理型床位3000张。", "411300", "care_beds", 3000, "not_primary"),
    # 由A增加到B with the indicator named once, before A.
    (CITY + "全区老年助餐点由年初的31个增加到47个。", "411300", "meal_sites", 47, "primary"),
    (CITY + "全区老年助餐点由年初的31个增加到47个。", "411300", "meal_sites", 31, "not_primary"),
    # A series of year-end totals: the latest is the figure, each with its own year.
    (CITY + "到2021年底,全市累计建成老年助餐点38个,2022年底达到57个,2023年底达到96个。", "411300", "meal_sites", 96,
     {"primary": True, "ref_period": "2023-12-31", "status": "built"}),
    (CITY + "到2021年底,全市累计建成老年助餐点38个,2022年底达到57个,2023年底达到96个。", "411300", "meal_sites", 38,
     {"primary": False, "ref_period": "2021-12-31"}),
    # Last year's figure is not this year's total (the year from the news item's dateline).
    ("2024年9月,南阳市人大常委会开展视察。去年全市建成老年助餐点48个,今年又新建19个,总数达到67个。", "411300",
     "meal_sites", 67, "primary"),
    ("2024年9月,南阳市人大常委会开展视察。去年全市建成老年助餐点48个,今年又新建19个,总数达到67个。", "411300",
     "meal_sites", 48, {"primary": False, "ref_period": "2023"}),
    # A list item without a verb of its own takes its sentence's.
    (CITY + "全市已建成居家养老服务中心415个,老年助餐点128个。", "411300", "meal_sites", 128, {"status": "built"}),
    # 目前已完成1120户 after a plan continues the plan's thing, done (a strict xfail until the twelfth round).
    (CITY + "全年计划完成适老化改造1500户,目前已完成1120户。", "411300", "aging_friendly_renovations", 1120, "primary"),
    (CITY + "今年计划建设老年助餐点500个,目前已建成412个。", "411300", "meal_sites", 412,
     {"status": "built", "primary": True}),
    (CITY + "新建老年助餐点项目全年目标50个,截至10月底已完成42个。", "411300", "meal_sites", 50,
     {"status": "planned", "primary": True}),
    # … but what is built toward a plan to add (新建) was added: not the total (h77's 42, h93's 186, now parts).
    (CITY + "新建老年助餐点项目全年目标50个,截至10月底已完成42个。", "411300", "meal_sites", 42,
     {"status": "built", "primary": False, "flags": ["subset"]}),
    (CITY + "新建老年助餐点年度任务120个,已建成104个。", "411300", "meal_sites", 104, "not_primary"),
    (CITY + "全市适老化改造年度任务3000户,截至11月底已完成2760户。", "411300", "aging_friendly_renovations", 3000,
     "not_primary"),
    (CITY + "全市适老化改造年度任务3000户,截至11月底已完成2760户。", "411300", "aging_friendly_renovations", 2760,
     "primary"),
    # 确保/争取 a goal, 有望, 推动…达到: plans; 争取…资金 is money secured, no plan.
    (CITY + "确保年底前全市老年助餐点达到400个。目前全市已建成老年助餐点352个。", "411300", "meal_sites", 352,
     {"status": "built", "primary": True}),
    (CITY + "确保年底前全市老年助餐点达到400个。目前全市已建成老年助餐点352个。", "411300", "meal_sites", 400,
     {"status": "planned"}),
    (CITY + "争取2025年底农村养老服务设施覆盖率达到85%。", "411300", "rural_facility_coverage", 85, "not_primary"),
    (CITY + "推动全市农村养老服务设施覆盖率达到90%以上。", "411300", "rural_facility_coverage", 90, "not_primary"),
    (CITY + "今年全市争取省级补助资金1200万元用于养老服务。", "411300", "investment", 12_000_000,
     {"flags": ["subset"]}),
    # 准备, 部署, 努力实现, 筹建: plans; 开工建设 this year is an increase; 建成投用 is operating.
    (CITY + "下半年准备新建老年助餐点25个。", "411300", "meal_sites", 25, {"status": "planned"}),
    (CITY + "市政府部署新建养老床位1000张。全市现有养老床位6800张。", "411300", "care_beds", 1000, "not_primary"),
    (CITY + "努力实现农村养老服务设施覆盖率90%。", "411300", "rural_facility_coverage", 90, "not_primary"),
    (CITY + "筹建养老机构3家。全市现有养老机构47家。", "411300", "care_institutions", 3, "not_primary"),
    (CITY + "今年全市开工建设老年助餐点46个。", "411300", "meal_sites", 46, "not_primary"),
    (CITY + "全市已建成投用老年助餐点188个。", "411300", "meal_sites", 188, {"status": "operating", "primary": True}),
    # 要求…建成, 未来三年, 申报: plans; 启动建设 is an increase; 确定…点位 sites chosen, not built.
    (CITY + "市政府要求各县区年底前建成老年助餐点80个。", "411300", "meal_sites", 80, {"status": "planned"}),
    (CITY + "未来三年,全市新增养老床位3000张。", "411300", "care_beds", 3000, "not_primary"),
    (CITY + "全市启动建设老年助餐点50个。", "411300", "meal_sites", 50, "not_primary"),
    (CITY + "确定新建助餐点位22个。", "411300", "meal_sites", 22, {"status": "selected"}),
    (CITY + "全市已完成选址并建设助餐场所114个。", "411300", "meal_sites", 114, {"status": "built"}),
    (CITY + "全市申报省级示范性老年助餐点10个。", "411300", "meal_sites", 10, "not_primary"),
    # A later plan of the thing before it, with no noun of its own (下半年计划再建成40个).
    (CITY + "全市已建成老年助餐点317个,下半年计划再建成40个。", "411300", "meal_sites", 40, {"status": "planned"}),
    # An earlier plan, now done, gives what it added: not the total, and not a plan.
    (CITY + "去年计划新建的30个老年助餐点已全部建成投用。全市已有老年助餐点186个。", "411300", "meal_sites", 30,
     {"status": "operating", "primary": False, "flags": ["subset"]}),
    (CITY + "去年计划新建的30个老年助餐点已全部建成投用。全市已有老年助餐点186个。", "411300", "meal_sites", 186,
     "primary"),
    # A deadline with nothing done after it is a plan; one before the bulletin's year is a past figure.
    (CITY + "年底前完成特殊困难老年人家庭适老化改造1500户。目前已完成适老化改造1260户。", "411300",
     "aging_friendly_renovations", 1500, "not_primary"),
    (CITY + "到2025年,全市养老床位达到1.2万张。目前全市养老床位9800张。", "411300", "care_beds", 9800, "primary"),
    ("漯河市：回顾\n\n(2024年5月)到2022年底,全市建成老年助餐点98个;到2023年底,全市已建成老年助餐点168个。",
     "411100", "meal_sites", 98, {"status": "built", "primary": False, "flags": []}),
    (CITY + "全市老年人口由2020年的96.2万人增加到2023年的108.5万人。", "411300", "elderly_population", 1_085_000,
     "primary"),
    # A next-steps section (a paragraph opening with 下一步, or a heading with enumerated lines) holds plans.
    (CITY + "全市已建成老年助餐点168个。\n下一步工作建议:\n一是加快补齐设施短板。新建老年助餐点50个,新增养老床位800张。",
     "411300", "meal_sites", 50, {"status": "planned"}),
    (CITY + "全市已建成老年助餐点168个。\n下一步工作建议:\n一是加快补齐设施短板。新建老年助餐点50个,新增养老床位800张。",
     "411300", "meal_sites", 168, {"status": "built", "primary": True}),
    (CITY + "截至目前,全市建成老年助餐点317个。\n下一步,市政府将重点抓好以下工作。一是新建老年助餐点60个。二是农村养老服务"
     "设施覆盖率提高到85%。", "411300", "rural_facility_coverage", 85, "not_primary"),
    # A project approved (立项) is planned, not built.
    (CITY + "全市已立项建设老年助餐点25个。全市已建成并投入使用老年助餐点205个。", "411300", "meal_sites", 25,
     {"status": "planned"}),
    # A plan's figures: 规划提出,到2025年…; the current figure after it.
    (CITY + "规划提出,到2025年全市养老床位达到5.5万张。目前全市养老床位4.6万张。", "411300", "care_beds", 55000,
     "not_primary"),
    (CITY + "规划提出,到2025年全市养老床位达到5.5万张。目前全市养老床位4.6万张。", "411300", "care_beds", 46000,
     "primary"),
    # The same measure on another base, compared with.
    (CITY + "按常住人口计算,全市60岁以上老年人口占比达到23.5%,明显高于按户籍人口计算的17.9%。", "411300",
     "elderly_share", 17.9, {"population_base": "household", "primary": True}),
    # A change stated between the noun and its value is read past.
    (CITY + "全市农村养老服务设施覆盖率较上年提高15个百分点,达到68%。", "411300", "rural_facility_coverage", 68, "primary"),
    (CITY + "三年来全市老龄化率提高了2.1个百分点,达到22.4%。", "411300", "elderly_share", 22.4, "primary"),
    # Both sides of a change read as if they stood right after the noun; the earlier side's year is its own.
    (CITY + "全市养老机构由2020年的34家减少到26家,床位总数却由2100张增加到2650张。", "411300", "care_institutions", 26,
     "primary"),
    (CITY + "全市养老机构由2020年的34家减少到26家,床位总数却由2100张增加到2650张。", "411300", "care_beds", 2650,
     {"primary": True, "ref_period": None}),
    # A long list of places gone to, counted after its 等, is the places inspected, even where it ends with a meal site.
    ("平凉市人大常委会开展调研。调研组先后调研崆峒区柳湖镇综合养老服务中心、香莲村互助幸福院、庄浪县朱店镇综合养老服务中心、"
     "南湖镇大庄村互助幸福院、东关社区老年集中助餐服务点等11个点位。", "620800", "facilities_inspected", 11, "primary"),
    ("平凉市人大常委会开展调研。调研组先后调研崆峒区柳湖镇综合养老服务中心、香莲村互助幸福院、庄浪县朱店镇综合养老服务中心、"
     "南湖镇大庄村互助幸福院、东关社区老年集中助餐服务点等11个点位。", "620800", "meal_sites", 11, "absent"),
    # A count of places whose things follow (19个乡镇的助餐点) counts the places.
    ("唐河县人大常委会组织视察。对全县19个乡镇的助餐点开展全覆盖视察。", "411328", "facilities_inspected", 19, "absent"),
    (CITY + "调研组深入5个社区的养老服务站点实地察看。", "411300", "facilities_inspected", 5, "absent"),
    (CITY + "调研组深入5个社区养老服务站点实地察看。", "411300", "facilities_inspected", 5, "primary"),
    # Community facilities' beds are one kind of care bed.
    (CITY + "全市社区养老服务设施床位2100张。", "411300", "care_beds", 2100, "not_primary"),
    # Another level's funds handed down, with words between in one clause, are that level's share.
    (CITY + "省级下达我市养老服务体系建设资金8000万元。", "411300", "investment", 80_000_000, "not_primary"),
    (CITY + "争取省级补助资金1200万元,市级配套800万元,共计投入2000万元。", "411300", "investment", 20_000_000,
     "primary"),
    # A verb between the count and the sites says the count is of places (9个县市区实现…助餐点全覆盖).
    (CITY + "该市所辖13个县市区中,有9个县市区实现乡镇助餐点全覆盖。", "411300", "meal_sites", 9, "absent"),
    (CITY + "全市有58个村建有老年助餐点。", "411300", "meal_sites", 58, "absent"),
    (CITY + "全市共有32个社区老年助餐点。", "411300", "meal_sites", 32, "primary"),
    # 由 an operator, with no change after the number, is no 由A增加到B.
    (CITY + "全市老年助餐点中,由社会力量运营的有96个。", "411300", "meal_sites", 96, "never_primary"),
    # … also where it grew (发展到), and where the earlier value is what the place had (原有…,现已发展到…).
    (CITY + "全市老年助餐点已由2022年底的186个发展到412个。", "411300", "meal_sites", 412, "primary"),
    (CITY + "全市老年助餐点已由2022年底的186个发展到412个。", "411300", "meal_sites", 186, "not_primary"),
    (CITY + "全市原有老年助餐点186个,现已发展到412个。", "411300", "meal_sites", 412, "primary"),
    (CITY + "全市原有老年助餐点186个,现已发展到412个。", "411300", "meal_sites", 186, "not_primary"),
    # The next step of a series named by pointing back (这一数字增长到…): the later year's value.
    ("工作动态\n（第5期）\n南阳市人大常委会办公厅    2024年7月2日\n\n" + CITY
     + "2022年,全市60岁以上老年人口为172万人;到2023年,这一数字增长到178万人。", "411300", "elderly_population", 1_780_000,
     {"primary": True, "ref_period": "2023"}),
    # A task handed down (省下达…任务1200户) is a target; what was done is the figure.
    (CITY + "省下达我市适老化改造任务1200户,已完成1500户。", "411300", "aging_friendly_renovations", 1200, "not_primary"),
    (CITY + "省下达我市适老化改造任务1200户,已完成1500户。", "411300", "aging_friendly_renovations", 1500, "primary"),
    # What is done toward a plan to add (计划新增…5000张,目前已完成3200张) is an increase, not the stock.
    (CITY + "“十四五”期间,全市计划新增养老床位5000张,目前已完成3200张。", "411300", "care_beds", 3200, "not_primary"),
    (CITY + "“十四五”期间,全市计划新增养老床位5000张,目前已完成3200张。", "411300", "care_beds", 5000, "not_primary"),
    (CITY + "全市计划养老床位总数达到1.5万张,目前已达到1.26万张。", "411300", "care_beds", 12600, "primary"),
    (CITY + "全区已建成社区老年助餐点46个,今年计划再建成14个。", "411300", "meal_sites", 14,
     {"status": "planned", "primary": True}),
    (CITY + "全市原计划今年建成老年助餐点20个,目前仅建成9个。", "411300", "meal_sites", 9,
     {"status": "built", "primary": True}),
    # Those an allowance reached are not all the old; day-care beds are one kind of bed.
    ("山城区人大常委会视察。全区发放高龄津贴,惠及80岁以上老人6800余人。全区80岁以上高龄老人7100人。", "410603",
     "oldest_old_population", 6800, "not_primary"),
    ("山城区人大常委会视察。全区发放高龄津贴,惠及80岁以上老人6800余人。全区80岁以上高龄老人7100人。", "410603",
     "oldest_old_population", 7100, "primary"),
    (CITY + "建成社区日间照料中心38个,设置日间照料床位420张;全区养老机构床位1860张。", "411300", "care_beds", 420,
     "not_primary"),
    # Households taken into a programme are its scope, not works done.
    (CITY + "全市纳入特殊困难老年人家庭适老化改造范围的共1260户,已完成改造1100户。", "411300",
     "aging_friendly_renovations", 1260, "not_primary"),
    (CITY + "全市纳入特殊困难老年人家庭适老化改造范围的共1260户,已完成改造1100户。", "411300",
     "aging_friendly_renovations", 1100, "primary"),
    # A proposal is not even a plan; a count of suggestions is no proposal.
    (CITY + "市人大代表王某建议,到2026年底全市老年助餐点增加到300个。", "411300", "meal_sites", 300, "not_primary"),
    (CITY + "收集意见建议,推动解决问题12个。", "411300", "problems_rectified", 12, "primary"),
    # A target named earlier in the sentence makes its later clauses plans: 目标, 力争, 预计, 下一步 …
    (CITY + "按照确定的目标,到2026年底,每个乡镇至少建成1所服务中心,新建老年助餐点150个。", "411300", "meal_sites", 150,
     {"status": "planned"}),
    (CITY + "【下一步】将持续跟踪问效,推动年内新增助餐点不少于12个、农村养老服务设施覆盖率提升至75%。", "411300",
     "rural_facility_coverage", 75, "not_primary"),
    # … and a plan's increase is the plan's figure, not a part of it.
    (CITY + "【下一步】将持续跟踪问效,推动年内新增助餐点不少于12个、农村养老服务设施覆盖率提升至75%。", "411300",
     "meal_sites", 12, {"status": "planned", "qualifier": "at_least", "primary": True}),
    # … but 计划 and 将 early in a sentence often open a report of work done.
    (CITY + "按照年度监督工作计划,市人大常委会组成4个调研组。", "411300", "supervision_groups", 4, "primary"),
    (CITY + "市人大常委会将养老服务作为监督重点,组成4个调研组。", "411300", "supervision_groups", 4, "primary"),
    # 由A上升至B, as 从A提升至B: A is the earlier value, never the chart's.
    (CITY + "报告显示,2023年全市老龄化率由17.6%上升至19.9%。", "411300", "elderly_share", 17.6, "not_primary"),
    (CITY + "报告显示,2023年全市老龄化率由17.6%上升至19.9%。", "411300", "elderly_share", 19.9,
     {"ref_period": "2023", "primary": True}),
    (CITY + "全市老年人口从2020年的88.4万人增加到2023年的97.3万人,老龄化率由2020年的17.2%上升至2023年的19.1%。",
     "411300", "elderly_population", 973000, {"ref_period": "2023", "primary": True}),
    (CITY + "全市老年人口从2020年的88.4万人增加到2023年的97.3万人,老龄化率由2020年的17.2%上升至2023年的19.1%。",
     "411300", "elderly_share", 19.1, {"ref_period": "2023", "primary": True}),
    (CITY + "全市老年人口从2020年的88.4万人增加到2023年的97.3万人,老龄化率由2020年的17.2%上升至2023年的19.1%。",
     "411300", "elderly_share", 17.2, "never_primary"),
    # 需新建 under a task handed down is a target; what is built toward it, an increase.
    (CITY + "按照省里下达的任务,今年全市需新建老年助餐点150个,目前已建成132个。", "411300", "meal_sites", 150,
     {"status": "planned"}),
    (CITY + "按照省里下达的任务,今年全市需新建老年助餐点150个,目前已建成132个。", "411300", "meal_sites", 132,
     "never_primary"),
    # The year compared with is not the value's (与2022年相比,…目前共有138家), and the change is no count.
    (CITY + "与2022年相比,全市养老机构减少了12家,目前共有养老机构138家。", "411300", "care_institutions", 138,
     {"ref_period": None, "primary": True}),
    (CITY + "与2022年相比,全市养老机构减少了12家,目前共有养老机构138家。", "411300", "care_institutions", 12,
     "never_primary"),
    (CITY + "全市60岁以上老年人口186万人,比2020年增加12.3万人。", "411300", "elderly_population", 123000,
     "never_primary"),
    # An announcement's 将 heads a sentence of plans (检查期间将…,召开座谈会不少于6场); a programme of
    # practical projects (民生实事中明确,…要新增…,新建…) lists targets.
    (CITY + "检查期间将发放调查问卷1500份,召开座谈会不少于5场。", "411300", "symposia", 5, "not_primary"),
    (CITY + "今年市政府民生实事中明确,全市要新增养老床位1800张,新建老年助餐点90个。", "411300", "meal_sites", 90,
     {"status": "planned"}),
    (CITY + "今年市政府民生实事中明确,全市要新增养老床位1800张,新建老年助餐点90个。", "411300", "care_beds", 1800,
     "not_primary"),
]
THING = [
    (CITY + "全县建有乡镇敬老院15所,床位1280张。", "411300", "care_beds", 1280, "not_primary"),
    # The old who draw an allowance are those it reached, not all of their age.
    (CITY + "全市享受高龄津贴的80周岁以上老年人14.6万人。", "411300", "oldest_old_population", 146000, "not_primary"),
    # Sites visited are sites inspected, not the place's meal sites.
    (CITY + "共有代表138人次参与,走访助餐点27个,收集意见建议41条。", "411300", "facilities_inspected", 27, "primary"),
    (CITY + "共有代表138人次参与,走访助餐点27个,收集意见建议41条。", "411300", "meal_sites", 27, "absent"),
    # The beds of the one kind of home the clause before counts are a part; a breakdown's beds are the whole's.
    (CITY + "全市共有养老机构42家,床位7860张;医养结合机构16家,床位2340张。", "411300", "care_beds", 2340, "not_primary"),
    ("南阳市人大常委会调研。医养结合机构16家,床位2340张。", "411300", "care_beds", 2340, "not_primary"),
    (CITY + "全市共有养老机构95家,其中公办敬老院72所、民办养老机构23家,床位总数1.26万张。", "411300", "care_beds", 12600,
     "primary"),
    # Other rural services' coverage is not the care facilities'.
    (CITY + "全市农村家庭医生签约服务覆盖率达到76.3%,农村养老服务设施覆盖率达到83.1%。", "411300",
     "rural_facility_coverage", 76.3, "absent"),
    (CITY + "全市农村家庭医生签约服务覆盖率达到76.3%,农村养老服务设施覆盖率达到83.1%。", "411300",
     "rural_facility_coverage", 83.1, "primary"),
    (CITY + "全市农村老年助餐服务覆盖率为45.6%。", "411300", "rural_facility_coverage", 45.6, "absent"),
    (CITY + "全市农村留守老人关爱服务覆盖率达到92.6%。", "411300", "rural_facility_coverage", 92.6, "absent"),
    (CITY + "全市农村居家养老上门服务覆盖率为35.2%。", "411300", "rural_facility_coverage", 35.2, "absent"),
    (CITY + "全市行政村养老服务设施覆盖率达到64.7%。", "411300", "rural_facility_coverage", 64.7, "primary"),
    (CITY + "全县农村互助幸福院覆盖率达到76%。", "411300", "rural_facility_coverage", 76, "primary"),
    # A "数说" list: the figure first, then a dash and what it counts.
    (CITY + "\n\n数说成效:\n\n412个——全市已建成运营的老年助餐点总数\n\n86.3%——全市农村养老服务设施覆盖率\n",
     "411300", "meal_sites", 412, {"primary": True, "status": "operating"}),
    (CITY + "\n\n数说成效:\n\n412个——全市已建成运营的老年助餐点总数\n\n86.3%——全市农村养老服务设施覆盖率\n",
     "411300", "rural_facility_coverage", 86.3, "primary"),
    # The sites at the places gone to are the sites inspected, not the city's meal sites.
    (CITY + "代表们先后来到宛城区、卧龙区的9个老年助餐点,实地察看运营情况。", "411300", "facilities_inspected", 9,
     "primary"),
    (CITY + "代表们先后来到宛城区、卧龙区的9个老年助餐点,实地察看运营情况。", "411300", "meal_sites", 9, "absent"),
    (CITY + "全市常住人口498.7万人,其中家庭户人口461.2万人。", "411300", "population_total", 4612000, "absent"),
    (CITY + "男性人口412.3万人,女性人口407.7万人。", "411300", "population_total", 4123000, "absent"),
    (CITY + "平均每户人口为2.78人。", "411300", "population_total", 2.78, "absent"),
    (CITY + "其中,农村老年人口占老年人口的58.6%。", "411300", "elderly_share", 58.6, "absent"),
    (CITY + "由供销社运营老年食堂,目前已有5家开始运营。", "411300", "meal_sites", 5, "not_primary"),
    (CITY + "完成特殊困难老年人家庭适老化改造评估3120户。", "411300", "aging_friendly_renovations", 3120,
     "not_primary"),
    (CITY + "省人大常委会交办南阳市政府落实的4个问题已整改3项。", "411300", "problems_rectified", 3, "not_primary"),
    (CITY + "全市60岁及以上人口61245万人。", "411300", "elderly_population", 612450000, "not_primary"),
    # One kind of institution is not all of them: medical-and-care ones, or one kind of owner's.
    (CITY + "全市已建成医养结合机构41家。", "411300", "care_institutions", 41, "not_primary"),
    (CITY + "全市共有养老机构95家,其中公办敬老院72所、民办养老机构23家。", "411300", "care_institutions", 23,
     "not_primary"),
    (CITY + "全市共有养老机构95家,其中公办敬老院72所、民办养老机构23家。", "411300", "care_institutions", 95, "primary"),
    (CITY + "全市失能半失能老人约11万人,但护理型床位仅有4300张。", "411300", "care_beds", 4300, "not_primary"),
    # An increase is not the stock, and a ratio is not a count.
    (CITY + "今年以来新增老年助餐点62个,累计达到338个。", "411300", "meal_sites", 62, "not_primary"),
    (CITY + "今年以来新增老年助餐点62个,累计达到338个。", "411300", "meal_sites", 338, "primary"),
    # What was newly built (新建), or built in the span of years a sentence opens with, is an increase, and so is
    # the rest of the list its verb heads; a total after it (目前共有, 累计建成) is the stock; 近年来 names no span.
    (CITY + "全市新建老年助餐点46个,现有助餐点128个。", "411300", "meal_sites", 46, "not_primary"),
    (CITY + "全市新建老年助餐点46个,现有助餐点128个。", "411300", "meal_sites", 128, "primary"),
    (CITY + "今年以来,全市新建老年助餐点12个,目前共有助餐点74个。", "411300", "meal_sites", 74, "primary"),
    (CITY + "近三年,全市建成社区养老服务中心6个,老年人助餐点27个,村级幸福院58个。", "411300", "meal_sites", 27,
     "not_primary"),
    (CITY + "联动监督开展以来,全市新建老年助餐点65个。", "411300", "meal_sites", 65, "not_primary"),
    (CITY + "“十四五”以来,全市累计新建养老床位1480张,目前养老床位总数达到6120张。", "411300", "care_beds", 6120,
     "primary"),
    (CITY + "2023年以来,全市建成养老床位860张。", "411300", "care_beds", 860, "not_primary"),
    (CITY + "2023年以来,全市累计建成养老机构86家。", "411300", "care_institutions", 86, "primary"),
    (CITY + "近年来,全市建成老年助餐点213个。", "411300", "meal_sites", 213, "primary"),
    (CITY + "经过评审,确定新建助餐点位22个。", "411300", "meal_sites", 22, {"primary": True, "status": "selected"}),
    (CITY + "今年新建老年助餐点15个,全市助餐点总数达到52个。", "411300", "meal_sites", 15, "not_primary"),
    (CITY + "今年新建老年助餐点15个,全市助餐点总数达到52个。", "411300", "meal_sites", 52, "primary"),
    (CITY + "全市总床位1.57万张,每千名老年人拥有养老床位35.6张。", "411300", "care_beds", 35.6, "absent"),
    (CITY + "全市总床位1.57万张,每千名老年人拥有养老床位35.6张。", "411300", "care_beds", 15700, "primary"),
    (CITY + "下一步,全市计划新增老年助餐点80个。", "411300", "meal_sites", 80, {"status": "planned", "primary": True}),
    (CITY + "截至10月底,9个问题已全部整改到位,整改率100%。", "411300", "problems_rectified", 9, "primary"),
    (CITY + "全市养老床位总数达到2.05万张。", "411300", "care_beds", 20500, "primary"),
    # The noun of the next item in a list is its own number's.
    (CITY + "全市建成乡镇敬老院12所、社区日间照料中心25个、老年助餐点41个。", "411300", "meal_sites", 25, "absent"),
    (CITY + "全市建成乡镇敬老院12所、社区日间照料中心25个、老年助餐点41个。", "411300", "meal_sites", 41, "primary"),
    # Problems and suggestions in one count are neither.
    (CITY + "调研组走访群众,共收集问题和建议35条。", "411300", "problems_found", 35, "absent"),
    (CITY + "调研组走访群众,共收集问题和建议35条。", "411300", "suggestions", 35, "not_primary"),
    (CITY + "组织部分常委会组成人员和市人大代表共24人视察。", "411300", "deputies_participating", 24, "primary"),
    # A part of the disabled, one level's share of the funds, and what is left undone are not the whole.
    (CITY + "全市失能半失能老人约4.2万人,其中完全失能老人3100余人。", "411300", "disabled_elderly", 3100, "not_primary"),
    (CITY + "全市失能半失能老人约4.2万人,其中完全失能老人3100余人。", "411300", "disabled_elderly", 42000, "primary"),
    (CITY + "争取省级补助资金900万元,市级配套600万元,共计投入养老服务资金1500万元。", "411300", "investment", 9000000,
     "not_primary"),
    (CITY + "争取省级补助资金900万元,市级配套600万元,共计投入养老服务资金1500万元。", "411300", "investment", 15000000,
     "primary"),
    (CITY + "截至9月底,已整改到位21个,仍有9个问题未整改到位。", "411300", "problems_found", 9, "absent"),
    (CITY + "截至9月底,已整改到位21个,仍有9个问题未整改到位。", "411300", "problems_rectified", 9, "absent"),
    (CITY + "全市尚有5个乡镇未建成老年助餐点。", "411300", "meal_sites", 5, "absent"),
    (CITY + "市人大常委会对交办的27个养老服务问题开展跟踪督办。", "411300", "problems_assigned", 27, "primary"),
    # A part does not size its whole when decimal points are lost (4300 fully disabled made 23万 old people 2.3万).
    ("项城市人大常委会调研。全市６０岁以上老年人口约２３万人,其中完全失能老人４３００余人。", "411681",
     "elderly_population", 230000, {"primary": True}),
    (CITY + "调研组发现问题9个,提出建议6条。", "411300", "suggestions", 6, "primary"),
    # Leads are not problems: the problems are made of them.
    (CITY + "共收集问题线索326条,梳理形成问题清单118项,目前已整改销号97项。", "411300", "problems_found", 326, "absent"),
    (CITY + "共收集问题线索326条,梳理形成问题清单118项,目前已整改销号97项。", "411300", "problems_found", 118, "primary"),
    (CITY + "常委会组成人员和列席的人大代表共提出询问问题9个。", "411300", "problems_found", 9, "absent"),
    # 总人口 is a measure of its own: it takes no base from the sentences before it.
    (CITY + "老年人口占常住人口的21.3%。全市总人口1026万人,常住人口962万人。", "411300", "population_total", 9620000,
     {"population_base": "resident", "primary": True}),
    (CITY + "老年人口占常住人口的21.3%。全市总人口1026万人,常住人口962万人。", "411300", "population_total", 10260000,
     {"population_base": None, "primary": True}),
    # Decimal points lost in a county's report: 68万 old people at 18.9% would be 3.6 million people, more than
    # any county holds; and a share of residents is checked against the resident count, not 总人口.
    ("新县人大常委会调研。全县６０周岁以上老年人口６８万人,占户籍人口的１８９％。", "411523", "elderly_population", 68000,
     {"primary": True}),
    ("汝州市人大常委会听取报告。全市65岁及以上老年人口１２４万人,占常住人口的１３８％;60岁及以上老年人口１７２万人,"
     "占１９１％。全市总人口１１２万人,常住人口９０万人。", "410482", "elderly_population", 172000, {"primary": True}),
    # Hazards found in a safety check are problems found, and rectified.
    (CITY + "检查发现安全隐患17处,已督促整改15处,整改率88.2%。", "411300", "problems_found", 17, "primary"),
    (CITY + "检查发现安全隐患17处,已督促整改15处,整改率88.2%。", "411300", "problems_rectified", 15, "primary"),
    (CITY + "对全市22家养老机构开展安全专项检查。", "411300", "facilities_inspected", 22, "primary"),
    (CITY + "分4组对全市养老服务进行视察。", "411300", "supervision_groups", 4, "primary"),
    (CITY + "组织人大代表40名,分2组视察全区养老服务工作。", "411300", "supervision_groups", 2, "primary"),
    (CITY + "监督工作分3个阶段推进。", "411300", "supervision_groups", 3, "absent"),
    (CITY + "全市60岁以上老年人口占常住人口的百分之二十二点七。", "411300", "elderly_share", 22.7, "primary"),
    (CITY + "全市六十岁以上老年人口约八十九万人。", "411300", "elderly_population", 890000, {"age_threshold": 60}),
    # 其中 with another age is another measure, not a part.
    (CITY + "全市60岁及以上人口140.6万人,占20.12%,其中65岁及以上人口107.3万人,占15.36%。", "411300",
     "elderly_population", 1073000, {"age_threshold": 65, "primary": True}),
    # 1.26万 printed 126万: more meal sites than one for every 330 people is no reading of a province's.
    ("河南省人大常委会通报。全省已建成老年助餐点126万个。", "410000", "meal_sites", 1260000, "absent"),
    (CITY + "调研组与40余名就餐老人交流。", "411300", "elderly_visited", 40, {"qualifier": "at_least", "primary": True}),
    # A PDF's text layer spaces digits off from the characters around them, and splits thousands.
    (CITY + "全市 60 岁以上老年人口 231.5 万人,占 18.5 %。", "411300", "elderly_population", 2315000,
     {"age_threshold": 60, "primary": True}),
    (CITY + "全市建成老年助餐点1 260个。", "411300", "meal_sites", 260, "absent"),
    (CITY + "全市建成老年助餐点1 260个。", "411300", "meal_sites", 1260, "primary"),
    # A note in brackets between the noun and its number.
    (CITY + "全市60岁以上老年人(户籍)96.9万人。", "411300", "elderly_population", 969000,
     {"population_base": "household", "primary": True}),
    # 16.2万 printed 162万: more old people than 60% of any county-level city's people.
    ("长垣市人大常委会视察。全市６０岁以上老年人口１６２万人。", "410783", "elderly_population", 162000, {"primary": True}),
    (CITY + "组织区人大代表和部分群众代表共30人参与。", "411300", "deputies_participating", 30, "not_primary"),
    # Spot-checked homes and canteens are sites inspected, added up.
    (CITY + "检查组抽查养老机构9家、老年助餐点14个。", "411300", "facilities_inspected", 23, "primary"),
    (CITY + "检查组抽查养老机构9家、老年助餐点14个。", "411300", "meal_sites", 14, "absent"),
    # Home care beds are not the beds of care institutions.
    (CITY + "全市已建设家庭养老床位900张,养老机构床位1.6万张。", "411300", "care_beds", 900, "not_primary"),
    (CITY + "全市已建设家庭养老床位900张,养老机构床位1.6万张。", "411300", "care_beds", 16000, "primary"),
    # What a sentence gives before its running total is what was added to it.
    (CITY + "全市新建老年助餐点38个,总数达到226个。", "411300", "meal_sites", 38, "not_primary"),
    (CITY + "全市新建老年助餐点38个,总数达到226个。", "411300", "meal_sites", 226, "primary"),
    # … but not a plan beside the total built.
    (CITY + "年初计划建设的42个老年助餐点已全部建成,全市建成助餐点总数达到231个。", "411300", "meal_sites", 42,
     {"status": "planned", "primary": True}),
    # 其中 after a total breaks it down: the parts are not the place's figure.
    (CITY + "全市已建成老年助餐点368个,其中城市社区助餐点245个、农村助餐点123个。", "411300", "meal_sites", 245,
     "not_primary"),
    (CITY + "全市已建成老年助餐点368个,其中城市社区助餐点245个、农村助餐点123个。", "411300", "meal_sites", 368,
     "primary"),
    # Spot-checked institutions are the inspection's, not the city's stock of them.
    (CITY + "检查组共召开座谈会12场,抽查养老机构28家。", "411300", "care_institutions", 28, "absent"),
    (CITY + "检查组共召开座谈会12场,抽查养老机构28家。", "411300", "facilities_inspected", 28, "primary"),
    # Another kind of meeting after the symposia is not summed with them.
    (CITY + "召开座谈会5场和推进会3次。", "411300", "symposia", 5, "primary"),
    (CITY + "召开座谈会5场和推进会3次。", "411300", "symposia", 8, "absent"),
    # A group's noun before its count, and the old as a later item of what was visited.
    (CITY + "成立工作专班1个、检查组3个。", "411300", "supervision_groups", 3, "primary"),
    (CITY + "检查组共召开座谈会12场。", "411300", "supervision_groups", 12, "absent"),
    # The beds of one kind of home or owner are a part of the care beds.
    (CITY + "全市农村敬老院床位4600张。", "411300", "care_beds", 4600, "not_primary"),
    (CITY + "全市公办养老机构床位9200张。", "411300", "care_beds", 9200, "not_primary"),
    # The thing named as the sentence's topic, its count in the next clause.
    (CITY + "关于养老机构,全市现有63家,床位8900张。", "411300", "care_institutions", 63, "primary"),
    (CITY + "老年助餐点,全市已建成412个,比2023年底增加了128个。", "411300", "meal_sites", 412, {"status": "built",
                                                                                   "primary": True}),
    # A PDF's table whose columns are aligned with spaces: a county's row is the county's, 合计 the city's.
    ("开封市问题整改情况统计\n县区          发现问题(个)  已整改(个)  整改率\n兰考县        12            11          91.7%\n"
     "合计          36            32          88.9%\n", "410225", "rectification_rate", 91.7, "primary"),
    ("开封市问题整改情况统计\n县区          发现问题(个)  已整改(个)  整改率\n兰考县        12            11          91.7%\n"
     "合计          36            32          88.9%\n", "410200", "problems_found", 36, "primary"),
    # Tables by year: rows of indicators under year columns, or rows of years under indicator columns.
    ("商丘市养老服务主要指标\n指标\t2022年\t2023年\n老年助餐点(个)\t1120\t1286\n", "411400", "meal_sites", 1286,
     {"primary": True, "ref_period": "2023"}),
    ("商丘市养老服务主要指标\n指标\t2022年\t2023年\n老年助餐点(个)\t1120\t1286\n", "411400", "meal_sites", 1120,
     {"primary": False, "ref_period": "2022", "flags": []}),
    ("商丘市养老服务主要指标\n年份\t老年助餐点(个)\n2022年\t1120\n2023年\t1286\n", "411400", "meal_sites", 1286,
     {"primary": True, "ref_period": "2023", "flags": []}),
    # Funds per household, and the total of the one programme a sentence is about.
    (CITY + "完成适老化改造2350户,户均改造资金1.2万元,总投入2820万元。", "411300", "investment", 12000, "absent"),
    (CITY + "完成适老化改造2350户,户均改造资金1.2万元,总投入2820万元。", "411300", "investment", 28200000,
     "not_primary"),
    # The villages' facilities and their coverage in the next clause; an insurance's take-up is no coverage.
    (CITY + "全县建成村级互助养老服务设施186个,覆盖率达到41.2%。", "411300", "rural_facility_coverage", 41.2, "primary"),
    (CITY + "老年人意外伤害保险参保率达到60%以上。", "411300", "rural_facility_coverage", 60, "absent"),
    # The households before the works done for them; households visited are not renovated.
    (CITY + "今年已为2460户特殊困难老年人家庭完成适老化改造。", "411300", "aging_friendly_renovations", 2460, "primary"),
    (CITY + "慰问困难老人120户并宣传适老化改造政策。", "411300", "aging_friendly_renovations", 120, "absent"),
    # Groups set up under a body, places listed before the verb of the visit, beds of the institutions.
    (CITY + "成立联动监督领导小组,下设6个专题组,分赴各县区开展监督。", "411300", "supervision_groups", 6, "primary"),
    (CITY + "监督组深入养老机构、社区养老服务中心、老年助餐点等实地察看132处。", "411300", "facilities_inspected", 132,
     "primary"),
    (CITY + "全市养老机构床位总数达到4.6万张。", "411300", "care_beds", 46000, "primary"),
    # …and no part of such a number is read as one: a missing number, not a wrong one.
    (CITY + "共组织各级人大代表l260人次参与监督。", "411300", "deputies_participating", 260, "absent"),
    (CITY + "实地察看养老服务设施2O6个,全市已建成老年助餐点5l8个。", "411300", "facilities_inspected", 6, "absent"),
    (CITY + "实地察看养老服务设施2O6个,全市已建成老年助餐点5l8个。", "411300", "meal_sites", 8, "absent"),
    # A table whose columns name only the stage (已建成(个), 在建(个)) counts what its caption names; sites still
    # being built are a part.
    ("鹤壁市各县区老年助餐点建设情况\n县区\t已建成(个)\t在建(个)\n浚县\t86\t12\n全市\t215\t31\n", "410621", "meal_sites",
     86, {"status": "built", "primary": True}),
    ("鹤壁市各县区老年助餐点建设情况\n县区\t已建成(个)\t在建(个)\n浚县\t86\t12\n全市\t215\t31\n", "410600", "meal_sites",
     31, "not_primary"),
    (CITY + "全市已建成老年助餐点652个,正在建设的助餐点还有58个。", "411300", "meal_sites", 58, "not_primary"),
    (CITY + "已完工待验收的助餐点8个。", "411300", "meal_sites", 8, "not_primary"),
    (CITY + "即将投入使用的助餐点还有5个。", "411300", "meal_sites", 5, "not_primary"),
    # Canteens for the old by their many names; a table's cells that carry their own unit.
    (CITY + "全市已建成孝老食堂136个,其中邓州市建成颐养食堂42个。", "411381", "meal_sites", 42, "primary"),
    (CITY + "全市已建成乐龄食堂18家。", "411300", "meal_sites", 18, "primary"),
    ("鹤壁市各县区老年助餐点建设情况\n县区\t已建成\t在建\n浚县\t86个\t12个\n全市\t215个\t31个\n", "410600", "meal_sites",
     215, {"status": "built", "primary": True}),
    # The old of one programme (the insured) are not the elderly population.
    (CITY + "全市参加城乡居民基本养老保险的60岁以上老年人186.5万人。", "411300", "elderly_population", 1865000,
     "not_primary"),
    # The age group without its noun, in a sentence about the population.
    (CITY + "全市常住人口中,60岁以上的有178.6万人,占19.6%。", "411300", "elderly_share", 19.6,
     {"age_threshold": 60, "population_base": "resident", "primary": True}),
    (CITY + "全市常住人口中,60岁以上的有178.6万人,占19.6%。", "411300", "elderly_population", 1786000,
     {"age_threshold": 60, "primary": True}),
    (CITY + "参加座谈的代表中,60岁以上的有12人。", "411300", "elderly_population", 12, "absent"),
    # A note in brackets on what a count includes is read past; a number inside it is never the count.
    (CITY + "全市共有养老机构(含民办机构36家)128家。", "411300", "care_institutions", 128, "primary"),
    (CITY + "全市共有养老机构(含民办机构36家)128家。", "411300", "care_institutions", 36, "never_primary"),
    (CITY + "全市养老床位(不含家庭养老床位)1.86万张。", "411300", "care_beds", 18600, "primary"),
    (CITY + "全市建成老年助餐点(含村级互助助餐点)342个。", "411300", "meal_sites", 342, "primary"),
    # Older bands than 60+/65+ are not the elderly; a group's share of the old is not the elderly share.
    (CITY + "70周岁以上老年人口21.3万人。", "411300", "elderly_population", 213000, "absent"),
    (CITY + "80周岁以上老年人口6.7万人。", "411300", "oldest_old_population", 67000, "primary"),
    (CITY + "70岁以上老年人口占总人口的9.8%。", "411300", "elderly_share", 9.8, "absent"),
    (CITY + "60岁以上老年人口中,女性占比52.3%。", "411300", "elderly_share", 52.3, "absent"),
    (CITY + "空巢老人占比超过50%。", "411300", "elderly_share", 50, "absent"),
    # One operator's sites, and a sentence opening with 其中 that breaks down the total of the one before.
    (CITY + "由供销社运营的助餐点有11个。", "411300", "meal_sites", 11, "not_primary"),
    (CITY + "全市已建成老年助餐点86个。其中,农村幸福院附设的助餐点有43个。", "411300", "meal_sites", 43, "not_primary"),
    (CITY + "全市已建成老年助餐点86个。其中,农村幸福院附设的助餐点有43个。", "411300", "meal_sites", 86, "primary"),
    # The count judged in one clause and given in the next.
    (CITY + "我市老年助餐点数量偏少,目前仅建成412个。", "411300", "meal_sites", 412, "primary"),
    (CITY + "代表们共走访养老机构16家、老年人230人。", "411300", "elderly_visited", 230, "primary"),
    # The old people's households visited count as the visited; a note in brackets may give an age.
    (CITY + "联动监督期间,走访改造家庭520户。", "411300", "elderly_visited", 520, "primary"),
    (CITY + "走访家庭成员12人。", "411300", "elderly_visited", 12, "absent"),
    (CITY + "调研组走访老年人及其家属310人。", "411300", "elderly_visited", 310, "primary"),
    (CITY + "全市户籍老年人口(60岁及以上)145.3万人。", "411300", "elderly_population", 1453000,
     {"age_threshold": 60, "population_base": "household", "primary": True}),
    (CITY + "代表们共走访养老机构16家、老年人230人。", "411300", "facilities_inspected", 16, "primary"),
    (CITY + "全市共发现问题4300多个,推动解决2900余个。", "411300", "problems_rectified", 2900, "primary"),
    # A share of beds or of facilities is not the elderly share, whatever the sentence before says of the old.
    (CITY + "全区60周岁以上老年人5.9万人。全区现有养老机构9家,床位1150张,其中护理型床位占比42%。", "411300",
     "elderly_share", 42, "absent"),
    # The province's hand-over in one clause, the city's own problems in the next: those are the city's.
    (CITY + "梳理省人大交办问题5个,市本级排查发现问题21个,目前已整改到位18个,整改率85.7%。", "411300",
     "rectification_rate", 85.7, "primary"),
    (CITY + "梳理省人大交办问题5个,市本级排查发现问题21个,目前已整改到位18个,整改率85.7%。", "411300",
     "problems_found", 21, "primary"),
    (CITY + "梳理省人大交办问题5个,市本级排查发现问题21个,目前已整改到位18个,整改率85.7%。", "411300",
     "problems_assigned", 5, "not_primary"),
    # … and so is one of the own level in the same clause.
    (CITY + "对省人大交办的5个问题和本级发现的38个问题进行跟踪督办,本级发现的问题已整改31个。", "411300",
     "problems_found", 38, "primary"),
    # A standard's threshold is no place's figure, even where it comes first (the place's own share follows).
    (CITY + "按照国际标准,一个地区60岁以上人口占比超过10%即进入老龄化社会。全市60岁以上人口占比19.7%。", "411300",
     "elderly_share", 10, "absent"),
    (CITY + "按照国际标准,一个地区60岁以上人口占比超过10%即进入老龄化社会。全市60岁以上人口占比19.7%。", "411300",
     "elderly_share", 19.7, "primary"),
    (CITY + "65岁以上人口占比超过20%为超级老龄化社会。", "411300", "elderly_share", 20, "absent"),
    (CITY + "全市60岁以上人口占比19.7%,远高于国际通行10%的标准。", "411300", "elderly_share", 10, "absent"),
    (CITY + "全市65岁以上人口占比14.2%,已进入深度老龄化社会。", "411300", "elderly_share", 14.2, "primary"),
    # A table's label and its value on one line.
    ("周口市养老服务主要指标\n\n老龄化率:19.8%;\n养老床位:3.1万张;", "411600", "elderly_share", 19.8, "primary"),
    ("周口市养老服务主要指标\n\n老龄化率:19.8%;\n养老床位:3.1万张;", "411600", "care_beds", 31000, "primary"),
    # A table's rows: a column's heading names the thing and its unit; a row's label the place, and a
    # label that names no division (a street) makes the row a part (a strict xfail until round 29).
    ("株洲市荷塘区人大常委会调研。\n表1 各街道情况\n街道\t老年助餐点(个)\n甲街道\t5\n乙街道\t3\n合计\t8\n",
     "430202", "meal_sites", 8, "primary"),
    ("株洲市荷塘区人大常委会调研。\n表1 各街道情况\n街道\t老年助餐点(个)\n甲街道\t5\n乙街道\t3\n合计\t8\n",
     "430202", "meal_sites", 5, {"region_name": "株洲市荷塘区甲街道", "primary": False}),
    ("河南省人大常委会通报。\n省辖市\t老年助餐点(个)\t养老床位(张)\n安阳市\t640\t21500\n鹤壁市\t215\t8600\n",
     "410600", "care_beds", 8600, "primary"),
    ("河南省人大常委会通报。\n省辖市\t老年人口(万人)\n安阳市\t98.6\n", "410500", "elderly_population", 98.6, "absent"),
    # The census named instead of its year dates the value; 这一比例 points back across the semicolon.
    (CITY + "第六次人口普查时,全市60岁以上人口占比为12.9%;第七次人口普查时,这一比例上升至20.7%。", "411300",
     "elderly_share", 20.7, {"ref_period": "2020", "primary": True}),
    (CITY + "第六次人口普查时,全市60岁以上人口占比为12.9%;第七次人口普查时,这一比例上升至20.7%。", "411300",
     "elderly_share", 12.9, {"ref_period": "2010", "primary": False}),
    # Ages or bases listed before 分别 go to its values in order (not the nearest age to every value).
    (CITY + "全市60岁以上、65岁以上老年人口分别为172万人、128万人,分别占常住人口的18.1%和13.5%。", "411300",
     "elderly_share", 18.1, {"age_threshold": 60, "primary": True}),
    (CITY + "全市60岁以上、65岁以上老年人口分别为172万人、128万人,分别占常住人口的18.1%和13.5%。", "411300",
     "elderly_population", 1_280_000, {"age_threshold": 65, "primary": True}),
    (CITY + "全市常住人口、户籍人口分别为962万人、1194万人。", "411300", "population_total", 9_620_000,
     {"population_base": "resident", "primary": True}),
    (CITY + "全市常住人口、户籍人口分别为962万人、1194万人。", "411300", "population_total", 11_940_000,
     {"population_base": "household", "primary": True}),
    # Another age group's share is not the elderly share, though its sentence says 岁.
    (CITY + "全市0—14岁少儿人口占比为22.6%,15—59岁劳动年龄人口占比为57.3%,60岁及以上人口占比为20.1%。", "411300",
     "elderly_share", 22.6, "absent"),
    (CITY + "全市0—14岁少儿人口占比为22.6%,15—59岁劳动年龄人口占比为57.3%,60岁及以上人口占比为20.1%。", "411300",
     "elderly_share", 20.1, "primary"),
    # Representatives of the old or of the public are no people's deputies; 全国、省、市人大代表 no nation's figure.
    (CITY + "邀请政协委员6人、老年人代表20人参加座谈。", "411300", "deputies_participating", 20, "absent"),
    # The deputies' turns at an activity, and not the people they met there.
    (CITY + "全年组织市人大代表参与监督活动86人次。", "411300", "deputies_participating", 86, "primary"),
    (CITY + "组织市人大代表参与走访老年人320人。", "411300", "deputies_participating", 320, "absent"),
    (CITY + "视察组由市人大常委会组成人员、部分市人大代表共18人组成。", "411300", "deputies_participating", 18,
     "primary"),
    (CITY + "市人大常委会组织在宛的全国、省、市人大代表25人视察。", "411300", "deputies_participating", 25, "primary"),
    # 5个社区的养老服务站点9个: the 5 counts where the sites lie; the 9 the sites inspected.
    (CITY + "视察组先后察看了3个村、5个社区的养老服务站点9个。", "411300", "facilities_inspected", 5, "absent"),
    (CITY + "视察组先后察看了3个村、5个社区的养老服务站点9个。", "411300", "facilities_inspected", 9, "primary"),
    # A hospital's beds are no care institution's.
    (CITY + "全市医疗卫生机构床位2.3万张;全市养老机构床位1.1万张。", "411300", "care_beds", 23000, "absent"),
    (CITY + "全市医疗卫生机构床位2.3万张;全市养老机构床位1.1万张。", "411300", "care_beds", 11000, "primary"),
    # The problems the handed-over lists hold; those fixed on the spot are a part of all rectified.
    (CITY + "向市政府交办问题清单3份,涉及问题56个,其中立行立改12个。截至目前,已整改销号41个。", "411300",
     "problems_assigned", 56, "primary"),
    (CITY + "向市政府交办问题清单3份,涉及问题56个,其中立行立改12个。截至目前,已整改销号41个。", "411300",
     "problems_rectified", 12, "not_primary"),
    (CITY + "向市政府交办问题清单3份,涉及问题56个,其中立行立改12个。截至目前,已整改销号41个。", "411300",
     "problems_rectified", 41, "primary"),
    # What was rectified of a second count (hazards, beside the problems found) is not of the first.
    (CITY + "检查发现问题21个;排查消防安全隐患43处,已整改38处。", "411300", "problems_rectified", 38, "not_primary"),
    (CITY + "检查发现问题21个;排查消防安全隐患43处,已整改38处。", "411300", "problems_found", 21, "primary"),
    (CITY + "全市排查消防安全隐患43处,已整改38处。", "411300", "problems_rectified", 38, "primary"),
    # The countryside's or the towns' share of the old is not the whole place's.
    (CITY + "全市老龄化率21.6%。其中,农村老龄化率达到25.3%。", "411300", "elderly_share", 25.3, "not_primary"),
    (CITY + "农村老龄化率达到25.3%,城镇老龄化率为17.9%。", "411300", "elderly_share", 17.9, "not_primary"),
    # A project's budget or its progress is not the funds invested in the care.
    (CITY + "视察组察看了3个在建养老服务项目,项目总投资6.8亿元,已完成投资4.1亿元。全市财政投入养老服务资金1.9亿元。",
     "411300", "investment", 680_000_000, "not_primary"),
    (CITY + "视察组察看了3个在建养老服务项目,项目总投资6.8亿元,已完成投资4.1亿元。全市财政投入养老服务资金1.9亿元。",
     "411300", "investment", 190_000_000, "primary"),
    # Private capital drawn in is not the public funds invested.
    (CITY + "全市各级财政投入养老服务资金9.6亿元,撬动社会资本投入23亿元。", "411300", "investment", 2_300_000_000,
     "not_primary"),
    # The ones that stopped or closed are not all of them.
    (CITY + "全市有23个助餐点因经费不足暂停运营。", "411300", "meal_sites", 23, "not_primary"),
    # A shortfall is what is missing, not what there is.
    (CITY + "全市养老床位缺口约5000张。全市养老床位2.8万张。", "411300", "care_beds", 5000, "absent"),
    (CITY + "还需新建老年助餐点120个才能实现城市社区全覆盖。", "411300", "meal_sites", 120, "absent"),
    # A threshold that counts places, a norm per unit or per period: no place's figure.
    ("河南省人大常委会执法检查。全省157个县(市、区)中,老龄化率超过20%的有63个。", "410000", "elderly_share", 20,
     "absent"),
    (CITY + "要求每个社区(村)至少建成1个老年助餐点。全市已建成老年助餐点402个。", "411300", "meal_sites", 1, "absent"),
    (CITY + "要求每个社区(村)至少建成1个老年助餐点。全市已建成老年助餐点402个。", "411300", "meal_sites", 402,
     "primary"),
    (CITY + "全市每年新建老年助餐点20个。", "411300", "meal_sites", 20, "absent"),
    # One group of the old (the needy, the empty-nest, the left-behind) is not all of them.
    (CITY + "全市60岁以上老年人口172万人,其中困难失能老年人3.1万人。", "411300", "disabled_elderly", 31000,
     "not_primary"),
    (CITY + "全市空巢独居老年人口23.5万人。", "411300", "elderly_population", 235000, "never_primary"),
    (CITY + "全市低保老年人口4.2万人。", "411300", "elderly_population", 42000, "never_primary"),
    # The countryside's or the towns' canteens only are a part of the place's meal sites.
    ("唐河县人大常委会视察养老服务。全县建成农村老年助餐点37个。", "411328", "meal_sites", 37, "not_primary"),
    (CITY + "全市建成城市社区老年食堂96家,农村互助养老点800余个。", "411300", "meal_sites", 96, "not_primary"),
    (CITY + "全市建成城乡老年助餐点420个。", "411300", "meal_sites", 420, "primary"),
    # The deputies named by the activity they took part in (参加视察的14名代表), not only as 人大代表.
    (CITY + "参加视察的14名代表围绕设施运营、人才队伍等提出建议9条。", "411300", "deputies_participating", 14,
     {"qualifier": "exact", "primary": True}),
    (CITY + "参加调研的老年人代表20名。", "411300", "deputies_participating", 20, "absent"),
    # Another age group's value of the same thing, its noun left out (…15.8%,60岁以上为20.9%); not the oldest old.
    (CITY + "全市65岁以上老年人口占比为15.8%,60岁以上为20.9%。", "411300", "elderly_share", 20.9,
     {"age_threshold": 60, "primary": True}),
    (CITY + "全市60岁以上老年人口186万人,80岁以上有21万人。", "411300", "elderly_population", 210000, "absent"),
]
QUALIFIER = [
    # Places named before a count joined by 和 make it at least; people named before a count do not.
    (CITY + "视察组先后来到县中心敬老院、城郊乡敬老院和2个村级幸福院。", "411300", "facilities_inspected", 2,
     {"qualifier": "at_least"}),
    (CITY + "常委会主任、副主任及6个联动监督组听取了汇报。", "411300", "supervision_groups", 6, {"qualifier": "exact"}),
    (CITY + "调研组实地查看了4个养老服务中心以及淇滨区敬老院、浚县福寿康养中心等。", "411300", "facilities_inspected",
     4, {"qualifier": "at_least"}),
    (CITY + "听取民政、卫健、住建等9个部门工作汇报。", "411300", "departments_briefed", 9, {"qualifier": "exact"}),
    # An item before the count with no count of its own: 察看了县福利中心、6个敬老院 is at least 6 (and the sum too).
    (CITY + "调研组实地察看了市社会福利院、5个乡镇敬老院和8个村级幸福院。", "411300", "facilities_inspected", 13,
     {"qualifier": "at_least", "primary": True}),
    (CITY + "调研组实地察看了市社会福利院、5个乡镇敬老院。", "411300", "facilities_inspected", 5, {"qualifier": "at_least"}),
    (CITY + "调研组实地察看了5个乡镇敬老院、8个村级幸福院。", "411300", "facilities_inspected", 5, {"qualifier": "exact"}),
    (CITY + "召开座谈会3次、走访老年人50人等。", "411300", "symposia", 3, {"qualifier": "exact"}),
    (CITY + "全市养老机构床位超过2.4万张。", "411300", "care_beds", 24000, {"qualifier": "at_least"}),
    # A list of the places the counted people went is not a list of more people.
    (CITY + "组织区人大代表45名视察了张汴乡、西张村镇等地的6处养老设施。", "411300", "deputies_participating", 45,
     {"qualifier": "exact"}),
    # The qualifier after the measure word: 200个以上 is ≥200, 500人左右 about 500.
    (CITY + "全市建成老年助餐点200个以上。", "411300", "meal_sites", 200, {"qualifier": "at_least"}),
    (CITY + "调研组走访老年人500人左右。", "411300", "elderly_visited", 500, {"qualifier": "approx"}),
    (CITY + "发放调查问卷3000份以上,回收有效问卷2800份。", "411300", "questionnaires", 3000, {"qualifier": "at_least"}),
    (CITY + "走访老年人500人,老年人多为独居。", "411300", "elderly_visited", 500, {"qualifier": "exact"}),
    # A list of what the counted people spoke about is not a list of more people.
    (CITY + "参加调研的12名人大代表围绕服务模式、资金保障等提出意见建议6条。", "411300", "deputies_participating", 12,
     {"qualifier": "exact"}),
    # Shares written in tenths: 近三成 is about 30%, 六成以上 at least 60%.
    (CITY + "老年人口占全市常住人口的近三成。", "411300", "elderly_share", 30, {"qualifier": "approx"}),
    (CITY + "农村养老服务设施覆盖率达到六成以上。", "411300", "rural_facility_coverage", 60, {"qualifier": "at_least"}),
]
KNOWN_MISSES = [
    # A count spelt as a round figure in words with a share after it (将近两成) is not read.
    (CITY + "全市60岁以上老年人口接近110万人,将近两成。", "411300", "elderly_share", 20, {"qualifier": "approx"}),
    # A scan's letters among the digits (l260, 2O6) are not read back as digits.
    (CITY + "共组织各级人大代表l260人次参与监督。", "411300", "deputies_participating", 1260, "primary"),
    # Counts in brackets after places, before the noun they count, are not read.
    ("开封市人大常委会调研。与郑州市(1836个)、洛阳市(1102个)相比,我市老年助餐点数量偏少。", "410100", "meal_sites", 1836,
     "primary"),
]


def _check(text, region, indicator, value, expectation):
    records = extract_text(text, "case.txt").records
    hits = [r for r in records if r.region_code == region and r.indicator == indicator
            and abs(r.value - value) < 1e-6 * max(1, value)]
    if expectation == "absent" or (expectation == "never_primary" and not hits):
        assert not hits, hits
        return
    if expectation == "never_primary":
        expectation = "not_primary"
    assert len(hits) == 1, [(r.region_code, r.indicator, r.value, r.flags) for r in records]
    r = hits[0]
    if expectation == "primary":
        assert r.primary and not NOT_PRIMARY & set(r.flags), (r.flags, r.steps)
    elif expectation == "not_primary":
        assert not r.primary and NOT_PRIMARY & set(r.flags), (r.flags, r.steps)
        assert "not primary:" in r.steps  # the reason travels with the record
    else:
        for key, want in expectation.items():
            assert getattr(r, key) == want, (key, getattr(r, key), r.steps)


@pytest.mark.parametrize("row", PLACE, ids=lambda r: r[0][-26:])
def test_place(row):
    _check(*row)


@pytest.mark.parametrize("row", STAGE, ids=lambda r: r[0][-26:])
def test_stage(row):
    _check(*row)


@pytest.mark.parametrize("row", THING, ids=lambda r: r[0][-26:])
def test_thing(row):
    _check(*row)


@pytest.mark.parametrize("row", QUALIFIER, ids=lambda r: r[0][-26:])
def test_qualifier(row):
    _check(*row)


@pytest.mark.xfail(strict=True, reason="known miss; see the row's comment")
@pytest.mark.parametrize("row", KNOWN_MISSES, ids=lambda r: r[0][-26:])
def test_known_miss(row):
    _check(*row)


def test_a_file_of_several_bulletins_yields_all_their_reports():
    one = "“积极应对人口老龄化　加快发展养老服务”联动监督专辑 ({n})\n\n{city}: 标题\n\n{city}市召开座谈会{k}次。\n\n({city}市人大常委会供稿)\n\n"
    text = "".join(one.format(n=n, city=city, k=k)
                   for n, city, k in [("七十", "安阳", 4), ("七十一", "濮阳", 8), ("七十二", "鹤壁", 2)])
    doc = extract_text(text, "volume.txt")
    assert [(r.region_name, r.album_no) for r in doc.reports] == [("安阳市", 70), ("濮阳市", 71), ("鹤壁市", 72)]
    assert sorted((r.region_name, r.value) for r in doc.records) == [("安阳市", 4), ("濮阳市", 8), ("鹤壁市", 2)]


def test_lost_decimals_are_judged_by_the_census_anywhere_in_china():
    doc = extract_text("山西省人大常委会开展养老服务监督。全省60岁及以上人口61245万人,占全省总人口的1892%。", "sx.txt")
    elderly = next(r for r in doc.records if r.indicator == "elderly_population")
    assert elderly.value == 6124500 and "decimal_recovered" in elderly.flags and elderly.region_code == "140000"


def test_a_value_read_from_a_table_names_its_column():
    """The quote is the row; the steps say which column's heading named the number."""
    text = "河南省人大常委会通报。\n省辖市\t老年助餐点(个)\t养老床位(张)\n安阳市\t640\t21500\n"
    beds = next(r for r in extract_text(text, "t.txt").records if r.indicator == "care_beds")
    assert beds.quote == "安阳市\t640\t21500"
    assert "column 养老床位(张)" in beds.steps


def test_a_headlines_figure_given_again_with_its_stage_is_one_figure():
    """濮阳:186个老年助餐点… then 已建成186个老年助餐点: the stageless headline is no measure of its own."""
    text = "濮阳:186个老年助餐点织密助老服务网\n\n本报讯 濮阳市人大常委会监督。全市已建成186个老年助餐点。"
    meals = [(r.status, r.primary) for r in extract_text(text, "t.txt").records if r.indicator == "meal_sites"]
    assert sorted(meals, key=str) == [("built", True), (None, False)]
