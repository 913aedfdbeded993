#!/usr/bin/env python3
"""Deterministic synthetic content for benchmarks: N parks in the parkpress content format.

Usage: gen_content.py N OUT_DIR [--seed S] [--hugo HUGO_DIR]

31 real provinces; 24 indicators over every dimension; 10-30 facts per park in mixed units;
targets; ranks; one park in six a sub-park of another of its province; narratives of 400-1500
characters citing the park's figures with {{fact ...}}; a few bulletins. The same N and seed
always give the same files.

--hugo HUGO_DIR also writes the same data as the source of a Hugo site (see bench/README.md):
hugo.toml, data/, content/ (one page per park, province, kind, indicator, bulletin and source, and
the compare page), the layouts of bench/hugo/layouts and the default theme's assets. Build it with
`hugo -s HUGO_DIR`.
"""
import argparse
import json
import os
import random
import re
import shutil
from fractions import Fraction

PROVINCES = [
    ("beijing", "北京市", "北京", "Beijing", 110000), ("tianjin", "天津市", "天津", "Tianjin", 120000),
    ("hebei", "河北省", "河北", "Hebei", 130000), ("shanxi", "山西省", "山西", "Shanxi", 140000),
    ("neimenggu", "内蒙古自治区", "内蒙古", "Inner Mongolia", 150000), ("liaoning", "辽宁省", "辽宁", "Liaoning", 210000),
    ("jilin", "吉林省", "吉林", "Jilin", 220000), ("heilongjiang", "黑龙江省", "黑龙江", "Heilongjiang", 230000),
    ("shanghai", "上海市", "上海", "Shanghai", 310000), ("jiangsu", "江苏省", "江苏", "Jiangsu", 320000),
    ("zhejiang", "浙江省", "浙江", "Zhejiang", 330000), ("anhui", "安徽省", "安徽", "Anhui", 340000),
    ("fujian", "福建省", "福建", "Fujian", 350000), ("jiangxi", "江西省", "江西", "Jiangxi", 360000),
    ("shandong", "山东省", "山东", "Shandong", 370000), ("henan", "河南省", "河南", "Henan", 410000),
    ("hubei", "湖北省", "湖北", "Hubei", 420000), ("hunan", "湖南省", "湖南", "Hunan", 430000),
    ("guangdong", "广东省", "广东", "Guangdong", 440000), ("guangxi", "广西壮族自治区", "广西", "Guangxi", 450000),
    ("hainan", "海南省", "海南", "Hainan", 460000), ("chongqing", "重庆市", "重庆", "Chongqing", 500000),
    ("sichuan", "四川省", "四川", "Sichuan", 510000), ("guizhou", "贵州省", "贵州", "Guizhou", 520000),
    ("yunnan", "云南省", "云南", "Yunnan", 530000), ("xizang", "西藏自治区", "西藏", "Tibet", 540000),
    ("shaanxi", "陕西省", "陕西", "Shaanxi", 610000), ("gansu", "甘肃省", "甘肃", "Gansu", 620000),
    ("qinghai", "青海省", "青海", "Qinghai", 630000), ("ningxia", "宁夏回族自治区", "宁夏", "Ningxia", 640000),
    ("xinjiang", "新疆维吾尔自治区", "新疆", "Xinjiang", 650000),
]

KINDS = [("high-tech-zone", "高新区"), ("economic-development-zone", "经开区"), ("smart-island", "智慧岛"),
         ("science-city", "科技城"), ("industrial-park", "工业园区")]

# key, name, dimension, display unit, basis, better, units a fact may be written in
INDICATORS = [
    ("land_area", "占地面积", "area", "亩", "stock", "none", ["亩", "公顷", "平方公里"]),
    ("incubation_floor_area", "创业孵化面积", "area", "万平方米", "stock", "higher", ["万平方米", "平方米"]),
    ("operating_revenue", "企业营业收入", "money", "亿元", "annual", "higher", ["亿元", "万元"]),
    ("gitm_revenue", "技工贸总收入", "money", "亿元", "annual", "higher", ["亿元", "万元"]),
    ("tax_revenue", "税收收入", "money", "亿元", "annual", "higher", ["亿元", "万元"]),
    ("fixed_asset_investment", "固定资产投资", "money", "亿元", "annual", "higher", ["亿元", "万元"]),
    ("contracted_investment", "签约金额", "money", "亿元", "annual", "higher", ["亿元", "万元", "元"]),
    ("fund_aum", "基金管理规模", "money", "亿元", "stock", "higher", ["亿元"]),
    ("tax_per_mu", "亩均税收", "money_per_area", "万元/亩", "annual", "higher", ["万元/亩", "元/平方米"]),
    ("output_per_km2", "地均产出", "money_per_area", "亿元/平方公里", "annual", "higher", ["亿元/平方公里", "万元/亩"]),
    ("high_tech_enterprises", "高新技术企业数", "count", "家", "stock", "higher", ["家"]),
    ("listed_companies", "上市企业数", "count", "家", "stock", "higher", ["家"]),
    ("enterprises_attracted", "引进企业数", "count", "家", "cumulative", "higher", ["家"]),
    ("projects_signed", "签约项目数", "count", "个", "annual", "higher", ["个"]),
    ("rd_platforms", "研发平台数", "count", "个", "stock", "higher", ["个"]),
    ("incubators", "孵化器数", "count", "家", "stock", "higher", ["家"]),
    ("patents", "专利数", "count", "件", "annual", "higher", ["件"]),
    ("high_level_talents", "高层次人才", "count", "人", "cumulative", "higher", ["人"]),
    ("jobs", "带动就业", "count", "人", "cumulative", "higher", ["人"]),
    ("tech_contracts", "技术合同登记数", "count", "份", "cumulative", "higher", ["份"]),
    ("rd_intensity", "研发投入强度", "percent", "%", "annual", "higher", ["%"]),
    ("leading_industry_share", "主导产业占比", "percent", "%", "annual", "higher", ["%"]),
    ("revenue_growth", "营业收入增速", "percent", "%", "annual", "higher", ["%"]),
    ("green_area_ratio", "绿地率", "percent", "%", "stock", "higher", ["%"]),
]

QUALIFIERS = ["", "", "", "", "about", "over", "at_least", "at_most"]
SYLLABLES = list("东西南北中新高华兴安宁康泰和平昌盛丰金银龙凤云山河湖江海城港湾滨林溪")
WORDS = ["园区", "产业", "创新", "集群", "平台", "招商", "项目", "企业", "人才", "科技", "数字", "制造", "服务",
         "发展", "建设", "投资", "孵化", "基金", "转化", "升级", "协同", "开放", "绿色", "集约", "高质量"]


def value_for(rng, dim, unit):
    if dim == "percent":
        return round(rng.uniform(0.5, 95), 1)
    if dim == "count":
        return rng.randint(1, 3000)
    scale = {"亩": 3000, "公顷": 200, "平方公里": 20, "万平方米": 80, "平方米": 800000, "亿元": 500, "万元": 5000000,
             "元": 50000000000, "万元/亩": 60, "元/平方米": 900, "亿元/平方公里": 40}[unit]
    v = rng.uniform(0.01, 1.0) * scale
    return round(v, 2) if v < 1000 else int(v)


def fmt(v):
    return str(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20241124)
    ap.add_argument("--hugo", metavar="DIR", help="also write a Hugo site of the same data into DIR")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    for sub in ("provinces", "parks", "bulletins"):
        os.makedirs(os.path.join(out, sub))

    with open(os.path.join(out, "site.toml"), "w", encoding="utf-8") as f:
        f.write('title = "全国园区观察（基准测试）"\ndescription = "合成数据"\nlanguage = "zh-CN"\n'
                'base_url = "https://example.org/bench/"\n\n[kinds]\n')
        for key, name in KINDS:
            f.write(f'{key} = {{ name = "{name}" }}\n')
    with open(os.path.join(out, "indicators.toml"), "w", encoding="utf-8") as f:
        for key, name, dim, unit, basis, better, _ in INDICATORS:
            f.write(f'[{key}]\nname = "{name}"\ndimension = "{dim}"\nunit = "{unit}"\nbasis = "{basis}"\n'
                    f'better = "{better}"\ndescription = "{name}（合成）"\n\n')
    n_sources = max(10, args.n // 20)
    with open(os.path.join(out, "sources.toml"), "w", encoding="utf-8") as f:
        for i in range(n_sources):
            f.write(f'[src-{i:05d}]\ntitle = "园区发展报道第{i}号"\npublisher = "合成日报"\n'
                    f'date = {source_date(i)}\n\n')
    for slug, name, short, name_en, code in PROVINCES:
        os.makedirs(os.path.join(out, "parks", slug))
        with open(os.path.join(out, "provinces", slug + ".toml"), "w", encoding="utf-8") as f:
            f.write(f'name = "{name}"\nshort = "{short}"\nname_en = "{name_en}"\ncode = {code}\n')

    # Every park as written, for --hugo. The random draws below are in the order the
    # original one-pass writer made them: the same N and seed must give the same files.
    parks = []
    by_province = {p[0]: [] for p in PROVINCES}
    for i in range(args.n):
        province = PROVINCES[i % len(PROVINCES)][0]
        slug = f"park-{i:05d}"
        kind, kind_name = KINDS[rng.randrange(len(KINDS))]
        name = "".join(rng.choice(SYLLABLES) for _ in range(2 + rng.randrange(3))) + kind_name + f"{i}"
        siblings = by_province[province]
        parent = siblings[rng.randrange(len(siblings))] if siblings and rng.random() < 1 / 6 else ""
        by_province[province].append(slug)
        facts = []
        for key, _, dim, unit, basis, _, units in rng.sample(INDICATORS, rng.randint(10, 24)):
            for period in sorted(rng.sample([2019, 2020, 2021, 2022, 2023], rng.randint(1, 2))):
                u = rng.choice(units)
                facts.append((key, value_for(rng, dim, u), u, rng.choice(QUALIFIERS), period))
        facts = facts[:30]
        park = {"slug": slug, "province": province, "name": name, "city": f"{PROVINCES[i % len(PROVINCES)][2]}市",
                "kind": kind, "level": rng.choice(["national", "provincial", "municipal"]), "parent": parent}
        park["founded"] = 1990 + rng.randrange(34)
        park["industries"] = [f"{rng.choice(WORDS)}{rng.choice(WORDS)}", rng.choice(WORDS)]
        park["facts"] = [(key, v, u, q, period, f"src-{rng.randrange(n_sources):05d}") for key, v, u, q, period in facts]
        park["targets"] = []
        for key, _, dim, unit, basis, _, units in rng.sample(INDICATORS, rng.randint(1, 4)):
            v = value_for(rng, dim, unit)
            by = 2025 + rng.randrange(4)
            park["targets"].append((key, v, unit, by, f"src-{rng.randrange(n_sources):05d}"))
        park["ranks"] = []
        if rng.random() < 0.3:
            rank = 1 + rng.randrange(50)
            park["ranks"].append(("合成评价", f"{PROVINCES[i % len(PROVINCES)][2]}组", rank, 50, 2023,
                                  f"src-{rng.randrange(n_sources):05d}"))
        with open(os.path.join(out, "parks", province, slug + ".toml"), "w", encoding="utf-8") as f:
            f.write(park_toml(park))
        cited = sorted({k for k, *_ in facts})
        text = []
        target = rng.randint(400, 1500)
        length = 0
        while length < target:
            sentence = "".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
            if cited and rng.random() < 0.5:
                sentence += f"{{{{fact {rng.choice(cited)}}}}}"
            sentence += "。"
            text.append(sentence)
            length += len(sentence)
            if rng.random() < 0.2:
                text.append("\n\n")
        park["narrative"] = "".join(text) + "\n"
        with open(os.path.join(out, "parks", province, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(park["narrative"])
        if args.hugo:
            parks.append(park)

    bulletins = []
    for b in range(5):
        provinces = [PROVINCES[(b * 7 + k) % len(PROVINCES)][0] for k in range(3)]
        indicators = [INDICATORS[(b * 5 + k) % len(INDICATORS)][0] for k in range(4)]
        bulletins.append({"id": f"2024-{b + 1}", "title": f"合成通报{b + 1}", "number": f"2024年第{b + 1}期",
                          "date": f"2024-{b + 2:02d}-28", "provinces": provinces, "indicators": indicators,
                          "period": 2023})
        with open(os.path.join(out, "bulletins", f"2024-{b + 1}.toml"), "w", encoding="utf-8") as f:
            f.write(f'title = "合成通报{b + 1}"\nnumber = "2024年第{b + 1}期"\ndate = 2024-{b + 2:02d}-28\n'
                    f'provinces = {provinces!r}\nindicators = {indicators!r}\nperiod = 2023\n'.replace("'", '"'))

    if args.hugo:
        write_hugo(args.hugo, parks, bulletins, n_sources)


def source_date(i):
    return f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"


def park_toml(park):
    lines = [f'name = "{park["name"]}"', f'city = "{park["city"]}"', f'kind = "{park["kind"]}"',
             f'level = "{park["level"]}"']
    if park["parent"]:
        lines.append(f'parent = "{park["parent"]}"')
    lines.append(f'founded = {park["founded"]}')
    lines.append(f'industries = ["{park["industries"][0]}", "{park["industries"][1]}"]')
    lines.append("")
    for key, v, u, qual, period, source in park["facts"]:
        lines += ["[[facts]]", f'indicator = "{key}"', f"value = {fmt(v)}", f'unit = "{u}"']
        if qual:
            lines.append(f'qualifier = "{qual}"')
        lines += [f"period = {period}", f'source = "{source}"', ""]
    for key, v, unit, by, source in park["targets"]:
        lines += ["[[targets]]", f'indicator = "{key}"', f"value = {fmt(v)}", f'unit = "{unit}"', f"by = {by}",
                  f'source = "{source}"', 'note = "规划目标"', ""]
    for system, cohort, rank, of, period, source in park["ranks"]:
        lines += ["[[ranks]]", f'system = "{system}"', f'cohort = "{cohort}"', f"rank = {rank}", f"of = {of}",
                  f"period = {period}", f'source = "{source}"', ""]
    return "\n".join(lines)


# --- The same data as a Hugo site (--hugo) ----------------------------------------------------
#
# Hugo cannot do parkpress's exact unit conversion or resolve {{fact ...}}, so both are done here,
# the way parkpress formats them: each figure carries `display` (its value in the indicator's unit),
# `sort` (the same as a plain number) and `written` (the value as written, when converted), and
# narratives get the cited figure's text. Everything else (latest figures, grouping, sorting,
# trees, tables, charts, the figures citing each source, medians and totals, the downloads, sitemap)
# is left to the templates in bench/hugo/layouts.

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
THEME_ASSETS = os.path.join(BENCH_DIR, "..", "themes", "default", "assets")

# Size of each unit in its dimension's base unit (平方米, 元, 元/平方米); count words are never converted.
UNIT_FACTORS = {"平方米": Fraction(1), "万平方米": Fraction(10000), "亩": Fraction(10000, 15), "公顷": Fraction(10000),
                "平方公里": Fraction(1000000), "元": Fraction(1), "万元": Fraction(10000), "亿元": Fraction(100000000),
                "元/平方米": Fraction(1), "万元/亩": Fraction(15), "亿元/平方公里": Fraction(100), "%": Fraction(1)}
QUALIFIER_SYMBOLS = {"": "", "about": "≈", "over": ">", "at_least": "≥", "at_most": "≤"}
INDICATOR_UNITS = {key: unit for key, _, _, unit, *_ in INDICATORS}


def plain_number(x):
    """parkpress's plain_number: exact within 6 decimals, else rounded half away from zero to 2."""
    den, twos, fives = x.denominator, 0, 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    digits = 6 if den == 1 and max(twos, fives) <= 6 else 2
    n = abs(x) * 10 ** digits
    n = int(n) + (1 if n - int(n) >= Fraction(1, 2) else 0)
    text = f"{n // 10 ** digits}.{n % 10 ** digits:0{digits}d}".rstrip("0").rstrip(".")
    return ("-" if x < 0 else "") + text


def grouped(number):
    """parkpress's format_number: thousands separators from five integer digits on."""
    int_part, dot, frac = number.partition(".")
    if len(int_part) < 5:
        return number
    return f"{int(int_part):,}" + dot + frac


def figure(indicator, value, unit):
    """(display, sort, written) of a figure in its indicator's unit."""
    exact = Fraction(str(value))
    to = INDICATOR_UNITS[indicator]
    if unit == to:
        number = plain_number(exact)
        return grouped(number), number, ""
    number = plain_number(exact * UNIT_FACTORS[unit] / UNIT_FACTORS[to])
    return grouped(number), number, grouped(plain_number(exact)) + unit


def fact_text(park, indicator):
    """The text {{fact INDICATOR}} stands for: the latest fact, in the indicator's unit, with its period."""
    facts = [f for f in reversed(park["facts"]) if f[0] == indicator]
    key, v, u, qual, period, _ = max(facts, key=lambda f: f[4])  # the last written of the latest period
    return f"{QUALIFIER_SYMBOLS[qual]}{figure(key, v, u)[0]}{INDICATOR_UNITS[key]}（{period}年）"


def q(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def write_file(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_hugo(root, parks, bulletins, n_sources):
    if os.path.exists(root):
        shutil.rmtree(root)
    shutil.copytree(os.path.join(BENCH_DIR, "hugo", "layouts"), os.path.join(root, "layouts"))
    shutil.copytree(THEME_ASSETS, os.path.join(root, "static", "assets"))
    write_file(os.path.join(root, "hugo.toml"), HUGO_CONFIG)

    data = os.path.join(root, "data")
    write_file(os.path.join(data, "kinds.toml"), "".join(
        f"[{key}]\nkey = {q(key)}\nname = {q(name)}\norder = {i}\n\n" for i, (key, name) in enumerate(KINDS)))
    write_file(os.path.join(data, "provinces.toml"), "".join(
        f"[{slug}]\nkey = {q(slug)}\nname = {q(name)}\nshort = {q(short)}\nname_en = {q(name_en)}\ncode = {code}\n"
        f"colour = {i}\n\n" for i, (slug, name, short, name_en, code) in enumerate(PROVINCES)))
    write_file(os.path.join(data, "indicators.toml"), "".join(
        f"[{key}]\nkey = {q(key)}\nname = {q(name)}\ndimension = {q(dim)}\nunit = {q(unit)}\nbasis = {q(basis)}\n"
        f"better = {q(better)}\ndescription = {q(name + '（合成）')}\norder = {i}\n\n"
        for i, (key, name, dim, unit, basis, better, _) in enumerate(INDICATORS)))
    write_file(os.path.join(data, "labels.toml"), HUGO_LABELS)
    write_file(os.path.join(data, "sources.toml"), "".join(
        f'[src-{i:05d}]\ntitle = "园区发展报道第{i}号"\npublisher = "合成日报"\ndate = {source_date(i)}\n\n'
        for i in range(n_sources)))
    # The size of each unit in its dimension's base unit, for the sums and medians of the compare page.
    write_file(os.path.join(data, "units.toml"), "".join(
        f"{q(unit)} = {float(size)!r}\n" for unit, size in UNIT_FACTORS.items()))

    content = os.path.join(root, "content")
    for section, title in (("parks", "园区"), ("provinces", "省份"), ("kinds", "园区类型"), ("indicators", "指标"),
                           ("sources", "资料来源"), ("compare", "分省对比")):
        write_file(os.path.join(content, section, "_index.md"), f"+++\ntitle = {q(title)}\n+++\n")
    write_file(os.path.join(content, "bulletins", "_index.md"),
               f'+++\ntitle = "通报"\noutputs = ["HTML", "RSS"]\n+++\n')
    for slug, name, *_ in PROVINCES:
        write_file(os.path.join(content, "provinces", slug, "_index.md"), f"+++\ntitle = {q(name)}\n+++\n")
    for key, name in KINDS:
        write_file(os.path.join(content, "kinds", key, "_index.md"), f"+++\ntitle = {q(name)}\n+++\n")
    for key, name, *_ in INDICATORS:
        write_file(os.path.join(content, "indicators", key, "_index.md"), f"+++\ntitle = {q(name)}\n+++\n")
    for weight, park in enumerate(parks, 1):
        write_file(os.path.join(content, "parks", park["province"], park["slug"] + ".md"), hugo_park(park, weight))
    for i in range(n_sources):
        write_file(os.path.join(content, "sources", f"src-{i:05d}.md"),
                   f'+++\ntitle = "园区发展报道第{i}号"\nweight = {i + 1}\n+++\n')
    for b in bulletins:
        write_file(os.path.join(content, "bulletins", b["id"] + ".md"),
                   f'+++\ntitle = {q(b["title"])}\nnumber = {q(b["number"])}\nissued = {b["date"]}\n'
                   f'compare_provinces = {json.dumps(b["provinces"])}\ncompare_indicators = {json.dumps(b["indicators"])}\n'
                   f'period = {b["period"]}\n+++\n')


def hugo_park(park, weight):
    reported = list(dict.fromkeys(f[0] for f in park["facts"]))  # first-appearance order
    lines = ["+++", f'title = {q(park["name"])}', f"weight = {weight}", f'provinces = [{q(park["province"])}]',
             f'kinds = [{q(park["kind"])}]', f'province = {q(park["province"])}', f'kind = {q(park["kind"])}',
             f"indicators = {json.dumps(reported)}",
             f"target_indicators = {json.dumps(sorted({t[0] for t in park['targets']}))}",
             f'slug = {q(park["slug"])}', f'city = {q(park["city"])}', f'level = {q(park["level"])}',
             f'parent = {q(park["parent"])}', f'founded = {park["founded"]}',
             f'industries = {json.dumps(park["industries"], ensure_ascii=False)}', ""]
    for key, v, u, qual, period, source in park["facts"]:
        display, sort, written = figure(key, v, u)
        lines += ["[[facts]]", f"indicator = {q(key)}", f"value = {fmt(v)}", f"unit = {q(u)}", f"qualifier = {q(qual)}",
                  f"period = {period}", f"source = {q(source)}", f"display = {q(display)}", f"sort = {sort}",
                  f"written = {q(written)}", ""]
    for key, v, u, by, source in park["targets"]:
        display, sort, written = figure(key, v, u)
        lines += ["[[targets]]", f"indicator = {q(key)}", f"value = {fmt(v)}", f"unit = {q(u)}", f"by = {by}",
                  f"source = {q(source)}", 'note = "规划目标"', f"display = {q(display)}", f"sort = {sort}",
                  f"written = {q(written)}", ""]
    for system, cohort, rank, of, period, source in park["ranks"]:
        lines += ["[[ranks]]", f"system = {q(system)}", f"cohort = {q(cohort)}", f"rank = {rank}", f"of = {of}",
                  f"period = {period}", f"source = {q(source)}", ""]
    lines.append("+++")
    narrative = re.sub(r"\{\{fact (\w+)\}\}", lambda m: fact_text(park, m.group(1)), park["narrative"])
    return "\n".join(lines) + "\n" + narrative


# Names parkpress gives enumerated values on its pages.
HUGO_LABELS = """\
levels = { national = "国家级", provincial = "省级", municipal = "市级" }
bases = { annual = "年度", cumulative = "累计", stock = "时点" }
dimensions = { area = "面积", money = "金额", money_per_area = "单位面积金额", count = "数量", percent = "比例" }
better = { higher = "越高越好", lower = "越低越好", none = "不分高低" }
qualifier_symbols = { about = "≈", over = ">", at_least = "≥", at_most = "≤" }
qualifier_names = { about = "约", over = "超过", at_least = "不少于", at_most = "不超过" }
palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F3C8D", "#11A579", "#3969AC", "#E73F74", "#80BA5A", "#F2B701"]
"""

HUGO_CONFIG = """\
baseURL = "https://example.org/bench/"
languageCode = "zh-CN"
title = "全国园区观察（基准测试）"
hasCJKLanguage = true
enableRobotsTXT = true
timeout = "600s"

[params]
description = "合成数据"

[taxonomies]
province = "provinces"
kind = "kinds"
indicator = "indicators"

[permalinks]
parks = "/parks/:filename/"

# The downloads, data/facts.csv, data/parks.csv and data/parks.json, are published by the home
# page's template (layouts/index.html, from layouts/partials/downloads/), not output formats.
[outputs]
home = ["HTML"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
"""


if __name__ == "__main__":
    main()
