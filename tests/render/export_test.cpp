#include "render/export.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace parkpress;

TEST_CASE("export: CSV quoting and formula neutralising", "[render]") {
    CHECK(render::csv_record({"a", "b,c", "say \"hi\""}) == "a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
    CHECK(render::csv_record({"=HYPERLINK(1)", "-3"}, {false, true}) == "'=HYPERLINK(1),-3\r\n");
    CHECK(render::csv_record({"line\nbreak"}) == "\"line\nbreak\"\r\n");
}

TEST_CASE("export: facts.csv has a BOM, one row per fact, target and rank, exact values", "[render]") {
    testing::SiteFixture site;
    site.set("parks/henan/zmd-zone.toml", R"(name = "驻马店示范区"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"

[[facts]]
indicator = "signed_investment"
value = 214350.02
unit = "万元"
qualifier = "about"
period = 2023
source = "zmd-2024"
)");
    core::Diagnostics d;
    const auto content = site.load(d);
    REQUIRE_FALSE(d.has_errors());
    const auto files = render::render_exports(content.model);
    const std::string& csv = files.at("data/facts.csv");
    CHECK(csv.starts_with("\xEF\xBB\xBFtype,park,park_name,province,"));
    CHECK(csv.find("fact,zmd-zone,驻马店示范区,henan,河南省,signed_investment,签约金额,21.435002,亿元,214350.02,万元,about,2023,annual,zmd-2024,")
          != std::string::npos);
    CHECK(csv.find("target,zmd-island,") != std::string::npos);
    CHECK(csv.find("rank,zmd-island,") != std::string::npos);
    std::size_t rows = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) {
        ++rows;
    }
    CHECK(rows == 1 + 3 + 1 + 1); // header, 3 facts, 1 target, 1 rank
    CHECK(files.at("data/parks.csv").starts_with("\xEF\xBB\xBFpark,name,"));
    const std::string& json = files.at("data/parks.json");
    CHECK(json.find("\"value\":\"21.435002\"") != std::string::npos);
    CHECK(json.find("\"value_as_written\":\"214350.02\"") != std::string::npos);
    const auto parsed = nlohmann::json::parse(json); // one valid document, however it is assembled
    CHECK(parsed["parks"].size() == 2);
    CHECK(parsed["format"] == "parkpress-1");
    CHECK(parsed["bulletins"].size() == 1);
}
