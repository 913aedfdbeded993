#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <regex>

using parkpress::testing::base_files;
using parkpress::testing::SiteFixture;

namespace {

/// The base park file with `[[facts]]`'s lines replaced.
std::string zone_with_fact(const std::string& fact_body) {
    return "name = \"驻马店示范区\"\ncity = \"驻马店市\"\nkind = \"high-tech-zone\"\nlevel = \"municipal\"\n\n[[facts]]\n"
           + fact_body;
}

const std::string k_good_fact = "indicator = \"signed_investment\"\nvalue = 103\nunit = \"亿元\"\nperiod = 2023\n"
                                "source = \"zmd-2024\"\n";

std::string replaced(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = base_files().at(path);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("validate: the base fixture has no diagnostics", "[validate]") {
    SiteFixture site;
    CHECK(site.check().empty());
}

TEST_CASE("validate: missing required keys, at the table that lacks them", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", zone_with_fact("indicator = \"signed_investment\"\nvalue = 103\nperiod = 2023\n"
                                                         "source = \"zmd-2024\"\n"));
    site.set("site.toml", replaced("site.toml", "title = \"测试园区观察\"\n", ""));
    site.set("provinces/henan.toml", replaced("provinces/henan.toml", "code = 410000\n", ""));
    CHECK(site.check() == "parks/henan/zmd-zone.toml:6:1: error: missing required key \"unit\" in [[facts]]\n"
                          "provinces/henan.toml:1:1: error: missing required key \"code\" in the province\n"
                          "site.toml:1:1: error: missing required key \"title\" in site.toml\n");
}

TEST_CASE("validate: unknown keys with a did-you-mean hint", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", zone_with_fact(k_good_fact + "valeu = 3\n"));
    site.set("indicators.toml", replaced("indicators.toml", "better = \"none\"\n", "better = \"none\"\ndescripton = \"x\"\n"));
    CHECK(site.check() == "indicators.toml:14:1: error: unknown key \"descripton\" in indicator \"land_area\"; did "
                          "you mean \"description\"?\n"
                          "parks/henan/zmd-zone.toml:12:1: error: unknown key \"valeu\" in [[facts]]; did you mean "
                          "\"value\"?\n");
}

TEST_CASE("validate: slugs and keys of the wrong form", "[validate]") {
    SiteFixture site;
    site.set("sources.toml", replaced("sources.toml", "[zmd-2024]", "[ZMD_2024]"));
    site.set("indicators.toml", replaced("indicators.toml", "[land_area]", "[Land-Area]"));
    site.set("parks/henan/Bad_Slug.toml", base_files().at("parks/henan/zmd-zone.toml"));
    const std::string out = site.check();
    CHECK_THAT(out, Catch::Contains("indicators.toml:8:2: error: indicator key \"Land-Area\" is not valid"));
    CHECK_THAT(out, Catch::Contains("parks/henan/Bad_Slug.toml:1:1: error: park slug \"Bad_Slug\" is not a valid slug"));
    CHECK_THAT(out, Catch::Contains("sources.toml:1:2: error: source key \"ZMD_2024\" is not a valid slug"));
}

TEST_CASE("validate: two parks with one slug", "[validate]") {
    SiteFixture site;
    site.set("provinces/hubei.toml", "name = \"湖北省\"\nshort = \"湖北\"\nname_en = \"Hubei\"\ncode = 420000\n");
    site.set("parks/hubei/zmd-zone.toml", base_files().at("parks/henan/zmd-zone.toml"));
    CHECK(site.check() == "parks/hubei/zmd-zone.toml:1:1: error: park slug \"zmd-zone\" is also used by "
                          "parks/henan/zmd-zone.toml; a park's slug must be unique across all provinces\n");
}

TEST_CASE("validate: a park folder that names no province", "[validate]") {
    SiteFixture site;
    site.set("parks/henna/other.toml", replaced("parks/henan/zmd-zone.toml", "驻马店示范区", "另一个"));
    CHECK(site.check() == "parks/henna/other.toml:1:1: error: park folder \"henna\" names no province: "
                          "provinces/henna.toml does not exist; did you mean \"henan\"?\n");
}

TEST_CASE("validate: unknown kind, indicator, unit, source, parent, qualifier and level", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-island.toml",
             replaced("parks/henan/zmd-island.toml", "parent = \"zmd-zone\"", "parent = \"zmd-zon\""));
    site.set("parks/henan/zmd-zone.toml",
             "name = \"驻马店示范区\"\ncity = \"驻马店市\"\nkind = \"high-tech\"\nlevel = \"city\"\n\n[[facts]]\n"
             "indicator = \"signed_investmnt\"\nvalue = 103\nunit = \"亿元\"\nperiod = 2023\nsource = \"zmd-2025\"\n"
             "\n[[facts]]\nindicator = \"land_area\"\nvalue = 1\nunit = \"英亩\"\nqualifier = \"approx\"\nperiod = 2023\n"
             "source = \"zmd-2024\"\n");
    const std::string out = site.check();
    CHECK_THAT(out, Catch::Contains("parks/henan/zmd-island.toml:5:10: error: unknown parent park \"zmd-zon\"; did you "
                                    "mean \"zmd-zone\"?"));
    CHECK_THAT(out, Catch::Contains("parks/henan/zmd-zone.toml:3:8: error: unknown kind \"high-tech\" (kinds are "
                                    "defined in site.toml)"));
    CHECK_THAT(out, Catch::Contains("parks/henan/zmd-zone.toml:4:9: error: unknown level \"city\"; expected national, "
                                    "provincial or municipal"));
    CHECK_THAT(out, Catch::Contains("parks/henan/zmd-zone.toml:7:13: error: unknown indicator \"signed_investmnt\"; "
                                    "did you mean \"signed_investment\"?"));
    CHECK_THAT(out, Catch::Contains("parks/henan/zmd-zone.toml:11:10: error: unknown source \"zmd-2025\"; did you "
                                    "mean \"zmd-2024\"?"));
    CHECK_THAT(out, Catch::Contains("parks/henan/zmd-zone.toml:16:8: error: unknown unit \"英亩\""));
    CHECK_THAT(out, Catch::Contains("parks/henan/zmd-zone.toml:17:13: error: unknown qualifier \"approx\"; expected "
                                    "about, over, at_least or at_most"));
}

TEST_CASE("validate: units of another dimension and foreign currencies", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml",
             zone_with_fact("indicator = \"signed_investment\"\nvalue = 3\nunit = \"亩\"\nperiod = 2023\nsource = \"zmd-2024\"\n"
                            "\n[[facts]]\nindicator = \"projects_signed\"\nvalue = 3\nunit = \"万元\"\nperiod = 2023\n"
                            "source = \"zmd-2024\"\n"
                            "\n[[facts]]\nindicator = \"signed_investment\"\nvalue = 3\nunit = \"亿美元\"\nperiod = 2022\n"
                            "source = \"zmd-2024\"\n"
                            "\n[[facts]]\nindicator = \"projects_signed\"\nvalue = 3\nunit = \"家\"\nperiod = 2022\n"
                            "source = \"zmd-2024\"\n"));
    CHECK(site.check() ==
          "parks/henan/zmd-zone.toml:9:8: error: unit \"亩\" measures area, but indicator \"signed_investment\" measures money\n"
          "parks/henan/zmd-zone.toml:16:8: error: unit \"万元\" measures money, but indicator \"projects_signed\" is a count in \"个\"\n"
          "parks/henan/zmd-zone.toml:23:8: error: unit \"亿美元\" is not in Chinese yuan; version 1 of the content format knows only 元, 万元 and 亿元\n"
          "parks/henan/zmd-zone.toml:30:8: error: unit \"家\" is not the unit of indicator \"projects_signed\": counts are not converted, write \"个\"\n");
}

TEST_CASE("validate: an indicator's own unit must fit its dimension", "[validate]") {
    SiteFixture site;
    site.set("indicators.toml", replaced("indicators.toml", "unit = \"亩\"", "unit = \"亿元\""));
    CHECK_THAT(site.check(), Catch::Contains("indicators.toml:11:8: error: unit \"亿元\" measures money, but indicator "
                                             "\"land_area\" measures area"));
}

TEST_CASE("validate: negative area and money values", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-island.toml",
             replaced("parks/henan/zmd-island.toml", "area = { value = 1000,", "area = { value = -1000,"));
    site.set("parks/henan/zmd-zone.toml", zone_with_fact("indicator = \"signed_investment\"\nvalue = -1.5\nunit = \"亿元\"\n"
                                                         "period = 2023\nsource = \"zmd-2024\"\n"));
    CHECK(site.check() == "parks/henan/zmd-island.toml:6:18: error: area value must not be negative, got -1000\n"
                          "parks/henan/zmd-zone.toml:8:9: error: money value must not be negative, got -1.5\n");
}

TEST_CASE("validate: ranks below 1 or above their cohort", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-island.toml", replaced("parks/henan/zmd-island.toml", "rank = 2", "rank = 9"));
    CHECK(site.check() == "parks/henan/zmd-island.toml:32:8: error: rank 9 is above the size of its cohort (of = 8)\n");
    site.set("parks/henan/zmd-island.toml", replaced("parks/henan/zmd-island.toml", "rank = 2", "rank = 0"));
    CHECK(site.check() == "parks/henan/zmd-island.toml:32:8: error: rank must be at least 1, got 0\n");
}

TEST_CASE("validate: nan and inf", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", zone_with_fact("indicator = \"signed_investment\"\nvalue = nan\nunit = \"亿元\"\n"
                                                         "period = 2023\nsource = \"zmd-2024\"\n"));
    CHECK(site.check() == "parks/henan/zmd-zone.toml:8:9: error: \"value\" must be a finite number, got nan\n");
    site.set("parks/henan/zmd-zone.toml", zone_with_fact("indicator = \"signed_investment\"\nvalue = -inf\nunit = \"亿元\"\n"
                                                         "period = 2023\nsource = \"zmd-2024\"\n"));
    CHECK(site.check() == "parks/henan/zmd-zone.toml:8:9: error: \"value\" must be a finite number, got -inf\n");
}

TEST_CASE("validate: parent cycles", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml",
             replaced("parks/henan/zmd-zone.toml", "level = \"municipal\"\n", "level = \"municipal\"\nparent = \"zmd-island\"\n"));
    CHECK(site.check() == "parks/henan/zmd-island.toml:5:10: error: parent cycle: zmd-island -> zmd-zone -> zmd-island\n");
    site.set("parks/henan/zmd-zone.toml",
             replaced("parks/henan/zmd-zone.toml", "level = \"municipal\"\n", "level = \"municipal\"\nparent = \"zmd-zone\"\n"));
    CHECK(site.check() == "parks/henan/zmd-zone.toml:5:10: error: parent cycle: park \"zmd-zone\" is its own parent\n");
}

TEST_CASE("validate: values of the wrong TOML type", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", zone_with_fact("indicator = \"signed_investment\"\nvalue = \"103\"\nunit = \"亿元\"\n"
                                                         "period = \"2023\"\nsource = \"zmd-2024\"\n"));
    site.set("sources.toml", replaced("sources.toml", "date = 2024-02-29", "date = \"2024-02-29\""));
    CHECK(site.check() == "parks/henan/zmd-zone.toml:8:9: error: \"value\" must be a number, got string\n"
                          "parks/henan/zmd-zone.toml:10:10: error: \"period\" must be a year (integer) or a date, got string\n"
                          "sources.toml:4:8: error: \"date\" must be a date (YYYY-MM-DD, without quotes), got string\n");
}

TEST_CASE("validate: text that is not valid UTF-8", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-island.md", "第一行\n第二\xff行\n");
    site.set("provinces/henan.toml", "name = \"河\xc3\"\nshort = \"河南\"\nname_en = \"Henan\"\ncode = 410000\n");
    const std::string out = site.check();
    CHECK_THAT(out, Catch::Contains("parks/henan/zmd-island.md:2:3: error: text is not valid UTF-8"));
    CHECK_THAT(out, Catch::Contains("provinces/henan.toml:1:10: error: text is not valid UTF-8"));
}

TEST_CASE("validate: narrative references that do not resolve", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-island.md", "甲{{fact land_area}}\n乙{{target land_area}}\n丙{{fact zmd-zon signed_investment}}\n"
                                          "丁{{fact jobs}}\n");
    CHECK(site.check() == "parks/henan/zmd-island.md:2:2: error: reference does not resolve: park \"zmd-island\" has no "
                          "target for indicator \"land_area\"\n"
                          "parks/henan/zmd-island.md:3:2: error: unknown park \"zmd-zon\" in reference; did you mean "
                          "\"zmd-zone\"?\n"
                          "parks/henan/zmd-island.md:4:2: error: unknown indicator \"jobs\" in reference\n");
}

TEST_CASE("validate: a bulletin's references must name their park", "[validate]") {
    SiteFixture site;
    site.set("bulletins/2024-1.md", "见{{fact signed_investment}}与{{fact zmd-zone signed_investment}}。\n");
    CHECK(site.check() == "bulletins/2024-1.md:1:2: error: a bulletin's reference must name its park: {{fact PARK INDICATOR}}\n");
}

TEST_CASE("validate: bulletins that select no park or name no indicator", "[validate]") {
    SiteFixture site;
    site.set("bulletins/2024-1.toml", "title = \"t\"\nnumber = \"n\"\ndate = 2024-03-31\nprovinces = [\"henan\", \"hubei\"]\n"
                                      "kinds = [\"science-city\"]\nparks = [\"zmd-zone\", \"nope\"]\nindicators = []\n"
                                      "period = 2023\n");
    CHECK(site.check() == "bulletins/2024-1.toml:1:1: error: the bulletin selects no park: no park is in all of its "
                          "provinces, kinds and parks\n"
                          "bulletins/2024-1.toml:4:23: error: unknown province \"hubei\"\n"
                          "bulletins/2024-1.toml:5:10: error: unknown kind \"science-city\"\n"
                          "bulletins/2024-1.toml:6:22: error: unknown park \"nope\"\n"
                          "bulletins/2024-1.toml:7:14: error: the bulletin names no indicator: list at least one in "
                          "indicators = [...]\n");
}

TEST_CASE("validate: warnings for what is legal but suspicious", "[validate]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", zone_with_fact("indicator = \"signed_investment\"\nvalue = 1\nunit = \"亿元\"\n"
                                                         "period = 2025\nsource = \"zmd-2024\"\n"
                                                         "\n[[targets]]\nindicator = \"signed_investment\"\nvalue = 2\n"
                                                         "unit = \"亿元\"\nby = 2020\nsource = \"zmd-2024\"\n"));
    site.set("parks/henan/zmd-island.toml", replaced("parks/henan/zmd-island.toml",
                                                     "[[facts]]\nindicator = \"projects_signed\"\nvalue = 18\nunit = \"个\"\n"
                                                     "period = 2023\nsource = \"zmd-2024\"\n\n[[facts]]\nindicator = \"land_area\"\n"
                                                     "value = 1000\nunit = \"亩\"\nperiod = 2024-02-29\nsource = \"zmd-2024\"\n\n",
                                                     ""));
    site.set("parks/henan/zmd-island.md", "无引用。\n");
    CHECK(site.check() ==
          "indicators.toml:8:2: warning: indicator \"land_area\" is not used by any fact or target\n"
          "indicators.toml:15:2: warning: indicator \"projects_signed\" is not used by any fact or target\n"
          "parks/henan/zmd-island.toml:1:1: warning: park \"zmd-island\" has no facts\n"
          "parks/henan/zmd-zone.toml:10:10: warning: fact period 2025 is after the date of its source \"zmd-2024\" "
          "(2024-02-29); is it a target?\n"
          "parks/henan/zmd-zone.toml:17:6: warning: target year 2020 is before the date of its source \"zmd-2024\" "
          "(2024-02-29); is it an actual?\n");
}

TEST_CASE("validate: every error of a run is reported, in a stable order", "[validate]") {
    SiteFixture site;
    site.set("provinces/henan.toml", replaced("provinces/henan.toml", "code = 410000", "code = 41"));
    site.set("parks/henan/zmd-zone.toml", replaced("parks/henan/zmd-zone.toml", "unit = \"亿元\"", "unit = \"千元\""));
    site.set("sources.toml", replaced("sources.toml", "publisher = \"驻马店网\"\n", ""));
    const std::string first = site.check();
    CHECK(first == "parks/henan/zmd-zone.toml:9:8: error: unknown unit \"千元\"; did you mean \"万元\"?\n"
                   "provinces/henan.toml:4:8: error: code must be a six-digit GB/T 2260 province code such as 410000, got 41\n"
                   "sources.toml:1:1: error: missing required key \"publisher\" in source \"zmd-2024\"\n");
    CHECK(site.check() == first);
}

TEST_CASE("validate: a bulletin's narrative must be typesettable", "[validate]") {
    SiteFixture site;
    SECTION("a paragraph of more than 5,000 characters, at its first line") {
        std::string text = "综述。\n\n";
        for (int i = 0; i < 2501; ++i) {
            text += i == 1000 ? "文\n" : "文[";
        }
        text += "\n\n短段落。\n";
        site.set("bulletins/2024-1.md", text);
        CHECK(site.check() == "bulletins/2024-1.md:3:1: error: a paragraph of 5001 characters is too long to typeset "
                              "(at most 5000); break it into paragraphs\n");
    }
    SECTION("5,000 characters are fine, and so are many paragraphs") {
        std::string text;
        for (int p = 0; p < 20; ++p) {
            text += std::string(4999, '[') + "文\n\n";
        }
        site.set("bulletins/2024-1.md", text);
        CHECK(site.check().empty());
    }
    SECTION("a narrative over 2 MB") {
        std::string text;
        for (int p = 0; p < 700; ++p) {
            text += std::string(3000, 'x') + "\n\n";
        }
        site.set("bulletins/2024-1.md", text);
        CHECK(site.check() == "bulletins/2024-1.md:1:1: error: a bulletin's narrative is typeset into the PDF and may "
                              "have at most 2 MB; this one has 2.1 MB\n");
    }
    SECTION("a park's narrative, which is not typeset, has no such limit") {
        site.set("parks/henan/zmd-island.md", std::string(30000, '[') + "\n");
        CHECK(site.check().empty());
    }
}

TEST_CASE("validate: list items, quotes, table rows and headings are paragraphs of their own", "[validate]") {
    SiteFixture site;
    std::string text = "# 标题\n";
    for (int i = 0; i < 1000; ++i) {
        text += std::string(static_cast<std::size_t>(2 * (i % 50)), ' ') + "- 第" + std::to_string(i) + "项文字\n";
        text += "> 引述" + std::to_string(i) + "\n";
        text += std::to_string(i) + ". 编号\n";
        text += "| 单元 | 格 |\n";
    }
    site.set("bulletins/2024-1.md", text);
    CHECK(site.check().empty());
    // A line that continues a list item belongs to its paragraph (the marker is counted too).
    site.set("bulletins/2024-1.md", "- 项\n" + std::string(5001, 'x') + "\n");
    CHECK(site.check() == "bulletins/2024-1.md:1:1: error: a paragraph of 5004 characters is too long to typeset "
                          "(at most 5000); break it into paragraphs\n");
}
