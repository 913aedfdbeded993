#include "compute/diff.hpp"
#include "render/diff_report.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace parkpress;
using compute::Change;
using compute::LineCount;
using testing::SiteFixture;
using testing::model_of;
using testing::replaced;

namespace {

const std::string k_zone = "parks/henan/zmd-zone.toml";
const std::string k_island = "parks/henan/zmd-island.toml";

std::string base(const std::string& path) { return testing::base_files().at(path); }

} // namespace

TEST_CASE("diff: the same content has no changes", "[compute]") {
    SiteFixture site;
    const auto a = model_of(site);
    const auto b = model_of(site);
    const auto d = compute::diff(a, b);
    CHECK(d.empty());
    CHECK(render::diff_summary(d) == "no changes");
    CHECK(render::diff_text(d, {"HEAD~1", "0123456789abcdef"}, {}) ==
          "no changes from HEAD~1 (0123456) to the working tree\n");
}

TEST_CASE("diff: a changed fact shows old and new value in the display unit", "[compute]") {
    SiteFixture site;
    const auto a = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "value = 103\nunit = \"亿元\"", "value = 1100000\nunit = \"万元\""));
    const auto b = model_of(site);
    const auto d = compute::diff(a, b);
    REQUIRE(d.parks.size() == 1);
    const auto& p = d.parks[0];
    CHECK(p.change == Change::changed);
    CHECK(p.slug == "zmd-zone");
    CHECK(p.province_name == "河南省");
    REQUIRE(p.facts.size() == 1);
    const auto& f = p.facts[0];
    CHECK(f.change == Change::changed);
    CHECK(f.indicator == "signed_investment");
    CHECK(f.indicator_name == "签约金额");
    CHECK(model::to_string(f.period) == "2023");
    CHECK(f.fields == std::vector<std::string>{"value", "unit"});
    const std::string text = render::diff_text(d, {"v1", "aaaaaaaaaa"}, {"v2", "bbbbbbbbbb"});
    CHECK(text == "changes from v1 (aaaaaaa) to v2 (bbbbbbb)\n"
                  "\n"
                  "河南省 henan\n"
                  "  ~ zmd-zone 驻马店示范区\n"
                  "      ~ fact signed_investment 签约金额, 2023: ≈103亿元 → ≈110亿元; written 103亿元 → 1100000万元\n"
                  "\n"
                  "1 park changed; facts: 1 changed\n");
}

TEST_CASE("diff: the same figure written in another unit changes only the unit", "[compute]") {
    SiteFixture site;
    const auto a = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "value = 103\nunit = \"亿元\"", "value = 1030000\nunit = \"万元\""));
    const auto d = compute::diff(a, model_of(site));
    REQUIRE(d.parks.size() == 1);
    REQUIRE(d.parks[0].facts.size() == 1);
    CHECK(d.parks[0].facts[0].fields == std::vector<std::string>{"unit"});
}

TEST_CASE("diff: qualifier, source, basis and note are part of a fact", "[compute]") {
    SiteFixture site;
    site.set("sources.toml", base("sources.toml") + "\n[zmd-2025]\ntitle = \"新来源\"\npublisher = \"驻马店网\"\ndate = 2025-01-02\n");
    const auto a = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "qualifier = \"about\"\nperiod = 2023\nsource = \"zmd-2024\"",
                              "qualifier = \"over\"\nperiod = 2023\nbasis = \"cumulative\"\nsource = \"zmd-2025\"\nnote = \"累计\""));
    const auto d = compute::diff(a, model_of(site));
    REQUIRE(d.parks.size() == 1);
    REQUIRE(d.parks[0].facts.size() == 1);
    CHECK(d.parks[0].facts[0].fields == std::vector<std::string>{"qualifier", "basis", "source", "note"});
    CHECK(render::diff_text(d, {"a", "a"}, {}).find(
              "~ fact signed_investment 签约金额, 2023: ≈103亿元 → >103亿元; basis annual → cumulative; source zmd-2024 → "
              "zmd-2025; note (none) → 累计\n") != std::string::npos);
}

TEST_CASE("diff: facts and targets added and removed, never compared with each other", "[compute]") {
    SiteFixture site;
    const auto a = model_of(site);
    // The island's target for signed_investment goes; a fact for it (same indicator) comes.
    std::string island = replaced(base(k_island), "[[targets]]\nindicator = \"signed_investment\"\nvalue = 50\nunit = \"亿元\"\nby = 2025\nsource = \"zmd-2024\"\n", "");
    island += "\n[[facts]]\nindicator = \"signed_investment\"\nvalue = 50\nunit = \"亿元\"\nperiod = 2025\nsource = \"zmd-2024\"\n";
    site.set(k_island, island);
    site.set("parks/henan/zmd-island.md", "智慧岛引进项目{{fact projects_signed}}。\n");
    const auto d = compute::diff(a, model_of(site));
    REQUIRE(d.parks.size() == 1);
    const auto& p = d.parks[0];
    REQUIRE(p.facts.size() == 1);
    CHECK(p.facts[0].change == Change::added);
    CHECK_FALSE(p.facts[0].before.has_value());
    REQUIRE(p.targets.size() == 1);
    CHECK(p.targets[0].change == Change::removed);
    CHECK(p.targets[0].by == 2025);
    CHECK_FALSE(p.targets[0].after.has_value());
    REQUIRE(p.narrative.has_value());
    CHECK(*p.narrative == LineCount{1, 2});
    CHECK(render::diff_summary(d) ==
          "1 park changed; facts: 1 added; targets: 1 removed; narratives: 1 edited, 1 line added, 2 removed");
}

TEST_CASE("diff: a fact's identity is its indicator and period", "[compute]") {
    SiteFixture site;
    const auto a = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "period = 2023", "period = 2023-12-31"));
    const auto d = compute::diff(a, model_of(site));
    REQUIRE(d.parks.size() == 1);
    REQUIRE(d.parks[0].facts.size() == 2);
    // A year comes before a day of the same end.
    CHECK(d.parks[0].facts[0].change == Change::removed);
    CHECK(model::to_string(d.parks[0].facts[0].period) == "2023");
    CHECK(d.parks[0].facts[1].change == Change::added);
    CHECK(model::to_string(d.parks[0].facts[1].period) == "2023-12-31");
}

TEST_CASE("diff: two facts of one indicator and period pair in written order", "[compute]") {
    SiteFixture site;
    const std::string second = "\n[[facts]]\nindicator = \"projects_signed\"\nvalue = 20\nunit = \"个\"\nperiod = 2023\nsource = \"zmd-2024\"\n";
    site.set(k_island, base(k_island) + second);
    const auto a = model_of(site);
    site.set(k_island, base(k_island) + replaced(second, "value = 20", "value = 21"));
    const auto d = compute::diff(a, model_of(site));
    REQUIRE(d.parks.size() == 1);
    REQUIRE(d.parks[0].facts.size() == 1);
    CHECK(d.parks[0].facts[0].change == Change::changed);
    CHECK(d.parks[0].facts[0].before->quantity.value == core::Decimal(20));
    CHECK(d.parks[0].facts[0].after->quantity.value == core::Decimal(21));
}

TEST_CASE("diff: ranks are keyed by system, cohort and period", "[compute]") {
    SiteFixture site;
    const auto a = model_of(site);
    site.set(k_island, replaced(base(k_island), "rank = 2\nof = 8", "rank = 1\nof = 8"));
    const auto d = compute::diff(a, model_of(site));
    REQUIRE(d.parks.size() == 1);
    REQUIRE(d.parks[0].ranks.size() == 1);
    const auto& r = d.parks[0].ranks[0];
    CHECK(r.change == Change::changed);
    CHECK(r.fields == std::vector<std::string>{"rank"});
    CHECK(render::diff_text(d, {"a", "a"}, {}).find("      ~ rank 智慧岛评价 / 第二批, 2023: 2 of 8 → 1 of 8\n")
          != std::string::npos);
}

TEST_CASE("diff: parks added and removed, in province and slug order, with their figures", "[compute]") {
    SiteFixture site;
    const auto a = model_of(site);
    site.set("provinces/hubei.toml", "name = \"湖北省\"\nshort = \"湖北\"\nname_en = \"Hubei\"\ncode = 420000\n");
    site.set("parks/hubei/a-park.toml", "name = \"甲园区\"\ncity = \"武汉市\"\nkind = \"high-tech-zone\"\nlevel = \"national\"\n\n"
                                        "[[facts]]\nindicator = \"projects_signed\"\nvalue = 3\nunit = \"个\"\nperiod = 2023\n"
                                        "source = \"zmd-2024\"\n");
    site.set("parks/henan/zz-park.toml", "name = \"乙园区\"\ncity = \"郑州市\"\nkind = \"high-tech-zone\"\nlevel = \"national\"\n");
    site.remove(k_island).remove("parks/henan/zmd-island.md");
    const auto d = compute::diff(a, model_of(site));
    REQUIRE(d.parks.size() == 3);
    CHECK(d.parks[0].slug == "zmd-island");
    CHECK(d.parks[0].change == Change::removed);
    CHECK(d.parks[0].facts.size() == 2);
    CHECK(d.parks[0].targets.size() == 1);
    CHECK(d.parks[0].narrative == LineCount{0, 2});
    CHECK(d.parks[1].slug == "zz-park");
    CHECK(d.parks[1].change == Change::added);
    CHECK(d.parks[2].slug == "a-park");
    CHECK(d.parks[2].province_name == "湖北省");
    REQUIRE(d.parks[2].facts.size() == 1);
    CHECK(d.parks[2].facts[0].change == Change::added);
    REQUIRE(d.provinces.size() == 1);
    CHECK(d.provinces[0].key == "hubei");
    CHECK(d.provinces[0].change == Change::added);
}

TEST_CASE("diff: park details, sources, indicators, bulletins and site.toml", "[compute]") {
    SiteFixture site;
    const auto a = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "city = \"驻马店市\"", "city = \"驻马店\""));
    site.set("sources.toml", replaced(base("sources.toml"), "驻马店智慧岛建设", "驻马店智慧岛建设（修订）")
                                 + "\n[new-src]\ntitle = \"新来源\"\npublisher = \"某报\"\ndate = 2024-05-01\n");
    site.set("indicators.toml", base("indicators.toml") + "\n[jobs]\nname = \"就业\"\ndimension = \"count\"\nunit = \"人\"\n"
                                                          "basis = \"annual\"\nbetter = \"higher\"\n");
    site.set("bulletins/2024-2.toml", replaced(base("bulletins/2024-1.toml"), "第1期", "第2期"));
    site.set("site.toml", replaced(base("site.toml"), "测试园区观察", "测试园区观察 2"));
    const auto d = compute::diff(a, model_of(site));
    REQUIRE(d.parks.size() == 1);
    REQUIRE(d.parks[0].fields.size() == 1);
    CHECK(d.parks[0].fields[0].field == "city");
    CHECK(d.parks[0].fields[0].after == "驻马店");
    REQUIRE(d.sources.size() == 2);
    CHECK(d.sources[0].key == "new-src");
    CHECK(d.sources[0].change == Change::added);
    CHECK(d.sources[1].change == Change::changed);
    CHECK(d.sources[1].fields[0].field == "title");
    REQUIRE(d.indicators.size() == 1);
    CHECK(d.indicators[0].key == "jobs");
    REQUIRE(d.bulletins.size() == 1);
    CHECK(d.bulletins[0].key == "2024-2");
    CHECK(d.bulletins[0].change == Change::added);
    REQUIRE(d.site.size() == 1);
    CHECK(d.site[0].field == "title");
    CHECK(render::diff_summary(d) ==
          "1 park changed; sources: 1 added, 1 changed; indicators: 1 added; bulletins: 1 added; site.toml: 1 field changed");
}

TEST_CASE("diff: Markdown escapes what content could use to break the table", "[render]") {
    SiteFixture site;
    const auto a = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "name = \"驻马店示范区\"", "name = \"示范区 | *粗* <b>x</b> [l](javascript:x) @u $x$\""));
    site.set(k_island, replaced(base(k_island), "value = 18", "value = 19"));
    const auto d = compute::diff(a, model_of(site));
    const std::string md = render::diff_markdown(d, {"main|x", "cccccccccc"}, {});
    CHECK(md.find("## Content changes from main\\|x (ccccccc) to the working tree\n") == 0);
    CHECK(md.find("- name: 驻马店示范区 → 示范区 \\| \\*粗\\* \\<b\\>x\\</b\\> \\[l\\]\\(javascript\\:x\\) \\@u \\$x\\$\n")
          != std::string::npos);
    CHECK(md.find("| changed | fact 签约项目数 (`projects_signed`) | 2023 | 18个 | 19个 |  |\n") != std::string::npos);
}

TEST_CASE("diff: JSON has stable fields and exact values", "[render]") {
    SiteFixture site;
    const auto a = model_of(site);
    site.set(k_zone, replaced(base(k_zone), "value = 103\nunit = \"亿元\"", "value = 1100000.5\nunit = \"万元\""));
    const auto d = compute::diff(a, model_of(site));
    const auto j = nlohmann::json::parse(render::diff_json(d, {"HEAD~2", "abcdef0123"}, {}));
    CHECK(j["format"] == "parkpress-diff");
    CHECK(j["version"] == 1);
    CHECK(j["from"]["revision"] == "HEAD~2");
    CHECK(j["to"]["working_tree"] == true);
    CHECK(j["to"]["commit"].is_null());
    CHECK(j["empty"] == false);
    CHECK(j["summary"]["facts"]["changed"] == 1);
    const auto& f = j["parks"][0]["facts"][0];
    CHECK(f["change"] == "changed");
    CHECK(f["period"] == "2023");
    CHECK(f["before"]["value"] == "103");
    CHECK(f["before"]["qualifier"] == "about");
    CHECK(f["after"]["value"] == "1100000.5");
    CHECK(f["after"]["unit"] == "万元");
    CHECK(f["after"]["display"]["text"] == "≈110.00005亿元");
    CHECK(f["after"]["display"]["value"] == "110.00005");
    CHECK(f["after"]["basis"] == "annual");
    CHECK(f["after"]["note"].is_null());
    CHECK(j["parks"][0]["narrative"].is_null());
}

TEST_CASE("line counts: the smallest line edit", "[compute]") {
    using compute::count_changed_lines;
    CHECK(count_changed_lines("", "") == LineCount{0, 0});
    CHECK(count_changed_lines("a\nb\n", "a\nb\n") == LineCount{0, 0});
    CHECK(count_changed_lines("a\nb\nc\n", "a\nx\nc\n") == LineCount{1, 1});
    CHECK(count_changed_lines("a\nb\n", "a\nb\nc\n") == LineCount{1, 0});
    CHECK(count_changed_lines("a\nb\nc\n", "c\n") == LineCount{0, 2});
    CHECK(count_changed_lines("", "a\nb") == LineCount{2, 0});
    // Line endings and the final newline are not edits.
    CHECK(count_changed_lines("a\r\nb\r\n", "a\nb") == LineCount{0, 0});
    // A moved line is removed in one place and added in another.
    CHECK(count_changed_lines("a\nb\nc\nd\n", "b\nc\nd\na\n") == LineCount{1, 1});
    // Repeated lines: the longest common subsequence, not the first match.
    CHECK(count_changed_lines("x\na\nb\nx\n", "a\nx\nb\nx\n") == LineCount{1, 1});
    CHECK(count_changed_lines("a\nb\na\nb\n", "b\na\nb\na\n") == LineCount{1, 1});
}

TEST_CASE("line counts: a huge rewrite is counted without regard to order", "[compute]") {
    std::string a;
    std::string b;
    for (int i = 0; i < 30000; ++i) {
        a += "line " + std::to_string(i) + "\n";
        b += "line " + std::to_string(i % 2 == 0 ? i : -i) + "\n";
    }
    b += "line 1\n"; // matches a removed line of a, at the far end
    // 15,000 of a's lines replaced: more than k_exact_line_limit edits.
    const auto n = compute::count_changed_lines(a, b);
    CHECK(n == LineCount{15000, 14999});
}
