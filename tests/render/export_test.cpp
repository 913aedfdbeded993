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

TEST_CASE("export: a rebuild copies the parts of parks whose key is the same, makes the others", "[render]") {
    testing::SiteFixture site;
    core::Diagnostics d;
    const auto content = site.load(d);
    REQUIRE_FALSE(d.has_errors());
    REQUIRE(content.model.parks.size() == 2);
    const std::string first_slug = content.model.parks[0].slug;

    // The first build: each park's key is its slug.
    std::map<std::string, render::ExportFile> built;
    render::ExportReuse keys_only;
    keys_only.park_key = [](const model::Park& p) { return "key-" + p.slug; };
    for (const auto& [path, make] : render::export_tasks(content.model, &keys_only)) {
        built[path] = make();
    }
    const auto plain = render::render_exports(content.model);
    for (const auto& path : {"data/parks.json", "data/facts.csv"}) {
        INFO(path);
        CHECK(built.at(path).bytes == plain.at(path));
        CHECK(built.at(path).parts.find("key-" + first_slug + " ") != std::string::npos);
    }
    CHECK(built.at("data/parks.csv").parts.empty());

    // The previous parks.json with the first park's part marked: a copied part keeps the mark.
    std::string marked = built.at("data/parks.json").bytes;
    const std::size_t at = marked.find("\"slug\":\"" + first_slug + "\"");
    REQUIRE(at != std::string::npos);
    marked.replace(at + 1, 4, "SLUG");
    auto rebuild = [&](std::function<std::string(const model::Park&)> key) {
        render::ExportReuse reuse;
        reuse.park_key = std::move(key);
        reuse.previous = [&](const std::string& path) -> std::optional<render::PreviousFile> {
            if (path != "data/parks.json") {
                return std::nullopt;
            }
            return render::PreviousFile{marked, nullptr, built.at(path).parts};
        };
        for (const auto& [path, make] : render::export_tasks(content.model, &reuse)) {
            if (path == "data/parks.json") {
                return make();
            }
        }
        return render::ExportFile{};
    };
    const auto same = rebuild(keys_only.park_key);
    CHECK(same.bytes == marked);                                     // both parts copied
    CHECK(same.parts == built.at("data/parks.json").parts);          // at the same offsets
    const auto changed = rebuild([&](const model::Park& p) { return p.slug == first_slug ? "new" : "key-" + p.slug; });
    CHECK(changed.bytes == plain.at("data/parks.json"));             // the first park made again
    // A damaged index (offsets past the end) is ignored, not trusted.
    built.at("data/parks.json").parts = "key-" + first_slug + " 99999999 5\n";
    CHECK(rebuild(keys_only.park_key).bytes == plain.at("data/parks.json"));
}
