#!/usr/bin/env python3
"""Deterministic synthetic content for benchmarks: N parks in the parkpress content format.

Usage: gen_content.py N OUT_DIR [--seed S]

31 real provinces; 24 indicators over every dimension; 10-30 facts per park in mixed units;
targets; ranks; one park in six a sub-park of another of its province; narratives of 400-1500
characters citing the park's figures with {{fact ...}}; a few bulletins. The same N and seed
always give the same files.
"""
import argparse
import os
import random
import shutil

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
                    f'date = 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n\n')
    for slug, name, short, name_en, code in PROVINCES:
        os.makedirs(os.path.join(out, "parks", slug))
        with open(os.path.join(out, "provinces", slug + ".toml"), "w", encoding="utf-8") as f:
            f.write(f'name = "{name}"\nshort = "{short}"\nname_en = "{name_en}"\ncode = {code}\n')

    by_province = {p[0]: [] for p in PROVINCES}
    for i in range(args.n):
        province = PROVINCES[i % len(PROVINCES)][0]
        slug = f"park-{i:05d}"
        kind, kind_name = KINDS[rng.randrange(len(KINDS))]
        name = "".join(rng.choice(SYLLABLES) for _ in range(2 + rng.randrange(3))) + kind_name + f"{i}"
        siblings = by_province[province]
        parent = siblings[rng.randrange(len(siblings))] if siblings and rng.random() < 1 / 6 else ""
        parent = parent if parent and not parent.endswith("-sub") else parent
        by_province[province].append(slug)
        facts = []
        for key, _, dim, unit, basis, _, units in rng.sample(INDICATORS, rng.randint(10, 24)):
            for period in sorted(rng.sample([2019, 2020, 2021, 2022, 2023], rng.randint(1, 2))):
                u = rng.choice(units)
                facts.append((key, value_for(rng, dim, u), u, rng.choice(QUALIFIERS), period))
        facts = facts[:30]
        lines = [f'name = "{name}"', f'city = "{PROVINCES[i % len(PROVINCES)][2]}市"', f'kind = "{kind}"',
                 f'level = "{rng.choice(["national", "provincial", "municipal"])}"']
        if parent:
            lines.append(f'parent = "{parent}"')
        lines.append(f'founded = {1990 + rng.randrange(34)}')
        lines.append(f'industries = ["{rng.choice(WORDS)}{rng.choice(WORDS)}", "{rng.choice(WORDS)}"]')
        lines.append("")
        for key, v, u, q, period in facts:
            lines += ["[[facts]]", f'indicator = "{key}"', f"value = {fmt(v)}", f'unit = "{u}"']
            if q:
                lines.append(f'qualifier = "{q}"')
            lines += [f"period = {period}", f'source = "src-{rng.randrange(n_sources):05d}"', ""]
        for key, _, dim, unit, basis, _, units in rng.sample(INDICATORS, rng.randint(1, 4)):
            lines += ["[[targets]]", f'indicator = "{key}"', f"value = {fmt(value_for(rng, dim, unit))}",
                      f'unit = "{unit}"', f"by = {2025 + rng.randrange(4)}", f'source = "src-{rng.randrange(n_sources):05d}"',
                      'note = "规划目标"', ""]
        if rng.random() < 0.3:
            lines += ["[[ranks]]", 'system = "合成评价"', f'cohort = "{PROVINCES[i % len(PROVINCES)][2]}组"',
                      f"rank = {1 + rng.randrange(50)}", "of = 50", "period = 2023",
                      f'source = "src-{rng.randrange(n_sources):05d}"', ""]
        with open(os.path.join(out, "parks", province, slug + ".toml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
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
        with open(os.path.join(out, "parks", province, slug + ".md"), "w", encoding="utf-8") as f:
            f.write("".join(text) + "\n")

    for b in range(5):
        provinces = [PROVINCES[(b * 7 + k) % len(PROVINCES)][0] for k in range(3)]
        indicators = [INDICATORS[(b * 5 + k) % len(INDICATORS)][0] for k in range(4)]
        with open(os.path.join(out, "bulletins", f"2024-{b + 1}.toml"), "w", encoding="utf-8") as f:
            f.write(f'title = "合成通报{b + 1}"\nnumber = "2024年第{b + 1}期"\ndate = 2024-{b + 2:02d}-28\n'
                    f'provinces = {provinces!r}\nindicators = {indicators!r}\nperiod = 2023\n'.replace("'", '"'))


if __name__ == "__main__":
    main()
