#!/usr/bin/env python3
"""Large and pathological content, for the hardening issue: writes a content tree (a copy of a
small valid site) with one kind of large input scaled by a factor, so that builds at factors
1, 2 and 4 show whether the time grows in proportion.

    large_inputs.py KIND SCALE BASE OUT     write the tree into OUT
    large_inputs.py --measure BINARY BASE   build every kind at scales 1, 2, 4 and print times

KIND is one of:
    narrative   a park narrative of 5 MB x SCALE (paragraphs, lists, tables, references)
    facts       a park with 2,500 x SCALE facts
    nesting     quotes, lists and emphasis 250 x SCALE deep, in a park's and a bulletin's narrative
    brackets    runs of 100,000 x SCALE '[', '<', '*', '`' and unclosed links in a park narrative
BASE is a valid content tree (tests/sites/valid); its first park gets the input.
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import time

PARK = "parks/henan/zhengzhou-high-tech-zone"
BULLETIN = "bulletins/2024-01"


def narrative(scale):
    para = ("郑州高新区2023年签约金额{{fact signed_investment}}，企业数量{{fact enterprises}}。"
            "园区围绕电子信息和智能传感器两大主导产业，推进创新平台建设，**重点项目**稳步推进，"
            "*人才引进*成效明显，营商环境持续优化。\n\n")
    block = para * 8 + "- 第一项\n- 第二项\n  - 子项\n\n| 指标 | 数值 |\n| --- | --- |\n| 企业 | 1200 |\n\n> 引述一段。\n\n"
    target = 5_000_000 * scale
    return block * (target // len(block.encode("utf-8")) + 1) + "\n结束标记END-OF-NARRATIVE\n"


def facts(scale):
    out = []
    day = datetime.date(1990, 1, 1)
    for i in range(2500 * scale):  # one a day: no two for one period
        out.append(f'\n[[facts]]\nindicator = "enterprises"\nvalue = {1000 + i}\nunit = "家"\n'
                   f'period = {(day + datetime.timedelta(days=i)).isoformat()}\n'
                   f'source = "zhengzhou-high-tech-report-2024"\n')
    return "".join(out)


def nesting(scale, links=True):
    """Nested quotes, lists and emphasis; nested links too, unless for a bulletin, where their
    one paragraph of 23 characters per level is over the typesetting limit at 250 levels."""
    depth = 250 * scale
    quotes = "> " * depth + "最深处的引述\n\n"
    lists = "".join("  " * i + f"- 第{i}层\n" for i in range(depth)) + "\n"
    emphasis = "*" * depth + "强调" + "*" * depth + "\n\n"
    nested_links = "[" * depth + "链接" + "](https://example.org/)" * depth + "\n\n"
    return quotes + lists + emphasis + (nested_links if links else "")


def brackets(scale):
    n = 100_000 * scale
    return "".join(s * n + "\n\n" for s in ("[", "<", "*", "`", "[a](", "![", "<a ", "\\", "&#")) + "结束\n"


def write(kind, scale, base, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(base, out)
    if kind == "narrative":
        with open(os.path.join(out, PARK + ".md"), "a", encoding="utf-8") as f:
            f.write(narrative(scale))
    elif kind == "facts":
        path = os.path.join(out, PARK + ".toml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        # Drop the park's own enterprises facts, so that the generated periods are the only ones.
        text = re.sub(r'\n\[\[facts\]\]\nindicator = "enterprises"\n(?:[^\[\n].*\n?)*', "\n", text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + facts(scale))
    elif kind == "nesting":
        for name in (PARK, BULLETIN):
            with open(os.path.join(out, name + ".md"), "a", encoding="utf-8") as f:
                f.write("\n" + nesting(scale, links=name == PARK))
    elif kind == "brackets":
        with open(os.path.join(out, PARK + ".md"), "a", encoding="utf-8") as f:
            f.write("\n" + brackets(scale))
    else:
        sys.exit(f"unknown kind {kind}")


def measure(binary, base):
    """Each kind at scales 1, 2 and 4. The growth is (t4 - t2) / (t2 - t1): the fixed cost of a
    build cancels out, and it is 2 when the time grows in proportion, 4 when it grows with the
    square. The site is built without PDFs, except for the nesting, which goes into a bulletin."""
    work = "/tmp/parkpress-large"
    shutil.rmtree(work, ignore_errors=True)  # cold builds only
    theme = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "themes", "default")
    print(f"{'input':10} {'x1 (s)':>8} {'x2 (s)':>8} {'x4 (s)':>8} {'growth':>7}")
    for kind in ("narrative", "facts", "nesting", "brackets"):
        times = []
        for scale in (1, 2, 4):
            content = os.path.join(work, "content")
            write(kind, scale, base, content)
            out = os.path.join(work, f"out-{kind}-{scale}", "site")
            cmd = [binary, "build", content, "--out", out, "--theme", theme]
            if kind != "nesting":
                cmd.append("--no-pdf")
            start = time.monotonic()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            times.append(time.monotonic() - start)
        growth = (times[2] - times[1]) / max(times[1] - times[0], 1e-3)
        print(f"{kind:10} {times[0]:8.2f} {times[1]:8.2f} {times[2]:8.2f} {growth:7.1f}", flush=True)
    shutil.rmtree(work, ignore_errors=True)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        measure(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5:
        write(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
