#include "load/content_loader.hpp"
#include "load/placeholders.hpp"
#include "load/fingerprint.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

using namespace parkpress;
using parkpress::testing::SiteFixture;

TEST_CASE("loader: the base fixture loads completely and cleanly", "[load]") {
    SiteFixture site;
    core::Diagnostics d;
    const auto content = site.load(d);
    CHECK(d.all().empty());
    const auto& m = content.model;
    CHECK(m.site.title == "测试园区观察");
    CHECK(m.site.base_url == "https://example.org/parks/");
    REQUIRE(m.site.kinds.size() == 2);
    CHECK(m.site.kinds[0].key == "smart-island"); // file order, not alphabetical
    CHECK(m.site.kinds[0].name_en == "Smart island");
    CHECK(m.indicators.size() == 3);
    CHECK(m.indicators.at("land_area").dimension == model::Dimension::area);
    CHECK(m.sources.at("zmd-2024").date == model::Date{2024, 2, 29});
    CHECK(m.provinces.at("henan").code == 410000);
    REQUIRE(m.parks.size() == 2);
    const auto& island = m.parks[0];
    CHECK(island.slug == "zmd-island");
    CHECK(island.province == "henan");
    CHECK(island.parent == "zmd-zone");
    REQUIRE(island.area.has_value());
    CHECK(island.area->quantity.value.to_string() == "1000");
    REQUIRE(island.facts.size() == 2);
    CHECK(island.facts[1].period.date == model::Date{2024, 2, 29});
    CHECK(island.facts[0].where == core::SourceLocation{"parks/henan/zmd-island.toml", 8, 1});
    CHECK(island.facts[0].quantity.where == core::SourceLocation{"parks/henan/zmd-island.toml", 10, 9});
    REQUIRE(island.targets.size() == 1);
    CHECK(island.targets[0].by == 2025);
    REQUIRE(island.ranks.size() == 1);
    CHECK(island.ranks[0].of == 8);
    REQUIRE(island.narrative.has_value());
    CHECK(island.narrative->references.size() == 3);
    CHECK(m.parks[1].facts[0].qualifier == model::Qualifier::about);
    REQUIRE(m.bulletins.size() == 1);
    CHECK(m.bulletins[0].id == "2024-1");
    CHECK(m.bulletin_parks(m.bulletins[0]).size() == 2);
}

TEST_CASE("loader: exact values from floats and the qualifier, basis and period forms", "[load]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", R"(name = "驻马店示范区"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"

[[facts]]
indicator = "signed_investment"
value = 214350.02
unit = "万元"
qualifier = "over"
basis = "cumulative"
period = 2024-02-29
source = "zmd-2024"
note = "授信"
)");
    core::Diagnostics d;
    const auto content = site.load(d);
    CHECK(site.check().empty());
    const auto& fact = content.model.find_park("zmd-zone")->facts.at(0);
    CHECK(fact.quantity.value == *core::Decimal::parse("214350.02"));
    CHECK(fact.qualifier == model::Qualifier::over);
    CHECK(fact.basis == model::Basis::cumulative);
    CHECK(content.model.basis_of(fact) == model::Basis::cumulative);
    CHECK(fact.note == "授信");
}

TEST_CASE("loader: CRLF line endings and a byte order mark are accepted", "[load]") {
    SiteFixture site;
    for (const auto& [path, text] : parkpress::testing::base_files()) {
        std::string crlf = "\xEF\xBB\xBF";
        for (const char c : text) {
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        }
        site.set(path, crlf);
    }
    CHECK(site.check().empty());
}

TEST_CASE("loader: a TOML syntax error is reported at its position", "[load]") {
    SiteFixture site;
    site.set("sources.toml", "[zmd-2024]\ntitle = \"x\npublisher = \"y\"\n");
    const std::string out = site.check();
    CHECK(out.starts_with("sources.toml:2:"));
    CHECK(out.find(": error: TOML does not parse: ") != std::string::npos);
}

TEST_CASE("loader: a missing content folder is not a content error", "[load]") {
    core::Diagnostics d;
    CHECK_THROWS_AS(load::load_content("/nonexistent/parkpress", d), load::ContentFolderError);
}

TEST_CASE("loader: latest fact and target", "[load]") {
    SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", R"(name = "驻马店示范区"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"

[[facts]]
indicator = "signed_investment"
value = 1
unit = "亿元"
period = 2024-01-01
source = "zmd-2024"

[[facts]]
indicator = "signed_investment"
value = 2
unit = "亿元"
period = 2023
source = "zmd-2024"

[[targets]]
indicator = "signed_investment"
value = 9
unit = "亿元"
by = 2030
source = "zmd-2024"

[[targets]]
indicator = "signed_investment"
value = 5
unit = "亿元"
by = 2025
source = "zmd-2024"
)");
    core::Diagnostics d;
    const auto content = site.load(d);
    const auto* park = content.model.find_park("zmd-zone");
    REQUIRE(park != nullptr);
    CHECK(content.model.latest_fact(*park, "signed_investment")->quantity.value.to_string() == "1");
    CHECK(content.model.latest_target(*park, "signed_investment")->by == 2030);
    CHECK(content.model.latest_fact(*park, "land_area") == nullptr);
}

TEST_CASE("loader: a symbolic link to a file outside the content folder is an error", "[load]") {
    SiteFixture outside;
    outside.check(); // writes its tree
    SiteFixture site;
    site.check();
    std::filesystem::create_symlink(outside.root() / "parks/henan/zmd-zone.toml", site.root() / "parks/henan/other.toml");
    core::Diagnostics d;
    load::load_content(site.root(), d);
    REQUIRE(d.all().size() == 1);
    CHECK(core::format_diagnostic(d.all()[0])
          == "parks/henan/other.toml:1:1: error: symbolic link to a file outside the content folder");
}

TEST_CASE("loader: a park folder that is a symbolic link to outside the content folder is an error", "[load]") {
    SiteFixture outside;
    outside.check();
    SiteFixture site;
    site.check();
    // parks/henan2 points at another tree's parks/henan: its files look like plain files.
    std::filesystem::create_directory_symlink(outside.root() / "parks/henan", site.root() / "parks/henan2");
    core::Diagnostics d;
    load::load_content(site.root(), d);
    std::string messages;
    for (const auto& diagnostic : d.all()) {
        messages += core::format_diagnostic(diagnostic) + "\n";
    }
    CAPTURE(messages);
    CHECK(d.has_errors());
    CHECK_THAT(messages, Catch::Contains("parks/henan2/zmd-zone.toml:1:1: error: symbolic link to a file outside the content folder"));
}

TEST_CASE("loader: a byte order mark does not shift columns", "[load]") {
    SiteFixture site;
    site.set("provinces/henan.toml", "\xEF\xBB\xBFname = \"\xe9\"\nshort = \"河南\"\nname_en = \"Henan\"\ncode = 410000\n");
    CHECK_THAT(site.check(), Catch::Contains("provinces/henan.toml:1:9: error: text is not valid UTF-8"));
}

TEST_CASE("loader: files are taken from the fingerprint's bytes; parks' texts are not kept", "[load]") {
    testing::SiteFixture site;
    core::Diagnostics d;
    const auto loaded = site.load(d);
    REQUIRE_FALSE(d.has_errors());
    // What diagnostics quote: every file but the parks'.
    CHECK(loaded.texts.contains("site.toml"));
    CHECK(loaded.texts.contains("indicators.toml"));
    for (const auto& p : loaded.model.parks) {
        CHECK_FALSE(loaded.texts.contains(p.file));
        CHECK(loaded.digests.contains(p.file));
        CHECK(load::text_of(loaded, p.file) == testing::base_files().at(p.file));
    }
    // The bytes the fingerprint kept are the ones loaded, not read again.
    auto known = load::tree_digests(site.root(), 2, true);
    REQUIRE(known);
    REQUIRE(known->bytes.contains("site.toml"));
    const std::string title = "title = \"";
    auto& bytes = known->bytes.at("site.toml");
    REQUIRE(bytes.find(title) != std::string::npos);
    bytes.insert(bytes.find(title) + title.size(), "指纹中的");
    core::Diagnostics d2;
    const auto again = load::load_content(site.root(), d2, nullptr, &*known);
    CHECK(again.model.site.title == "指纹中的" + loaded.model.site.title);
    CHECK(again.digests == loaded.digests);
    CHECK(again.model.parks.size() == loaded.model.parks.size());
    CHECK(known->bytes.at("site.toml").empty()); // taken, not copied

    SECTION("a park with a placeholder keeps its text, for check_placeholders()") {
        const std::string file = loaded.model.parks.front().file;
        site.set(file, testing::base_files().at(file) + "# 【待填写：来源】\n");
        core::Diagnostics d3;
        const auto placeholder = site.load(d3);
        CHECK(placeholder.texts.contains(file));
        core::Diagnostics d4;
        load::check_placeholders(placeholder.texts, d4);
        CHECK(d4.error_count() == 1);
    }
}
