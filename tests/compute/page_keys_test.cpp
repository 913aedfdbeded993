#include "compute/page_keys.hpp"
#include "compute/site_index.hpp"
#include "load/validate.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace parkpress;
using testing::replaced;

namespace {

/// Every key of the fixture site, by page.
std::map<std::string, std::string> keys_of(testing::SiteFixture& site, const std::string& base = "base") {
    core::Diagnostics d;
    const auto content = site.load(d);
    load::validate(content.model, d);
    REQUIRE_FALSE(d.has_errors());
    const auto index = compute::build_index(content.model);
    const compute::PageKeys keys(content.model, index, content.texts, base, &content.digests);
    std::map<std::string, std::string> out{{"site", keys.site()}, {"layout", keys.layout()}};
    for (const auto& p : content.model.parks) {
        out["park " + p.slug] = keys.park(p);
    }
    for (const auto& slug : index.province_order) {
        out["province " + slug] = keys.province(slug);
    }
    for (const auto& k : content.model.site.kinds) {
        out["kind " + k.key] = keys.kind(k.key);
    }
    for (const auto& [key, i] : content.model.indicators) {
        out["indicator " + key] = keys.indicator(key);
    }
    for (const auto& [key, s] : content.model.sources) {
        out["source " + key] = keys.source(key);
    }
    for (const auto& b : content.model.bulletins) {
        out["bulletin " + b.id] = keys.bulletin(b);
        out["pdf " + b.id] = keys.bulletin_pdf(b);
    }
    return out;
}

std::set<std::string> changed(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
    std::set<std::string> out;
    for (const auto& [page, key] : a) {
        if (!b.contains(page) || b.at(page) != key) {
            out.insert(page);
        }
    }
    return out;
}

} // namespace

TEST_CASE("page keys: the same content gives the same keys", "[keys]") {
    testing::SiteFixture site;
    CHECK(keys_of(site) == keys_of(site));
    CHECK(changed(keys_of(site), keys_of(site, "another theme")).size() == keys_of(site).size());
}

TEST_CASE("page keys: one figure changes the pages that show it and no other", "[keys]") {
    testing::SiteFixture site;
    const auto before = keys_of(site);
    const std::string file = "parks/henan/zmd-island.toml";
    site.set(file, replaced(testing::base_files().at(file), "value = 18", "value = 19"));
    const auto after = keys_of(site);
    const auto pages = changed(before, after);
    CHECK(pages.contains("park zmd-island"));
    CHECK(pages.contains("indicator projects_signed"));
    CHECK(pages.contains("province henan"));
    CHECK(pages.contains("kind smart-island"));
    CHECK(pages.contains("source zmd-2024"));
    CHECK(pages.contains("site"));
    CHECK_FALSE(pages.contains("park zmd-zone"));
    CHECK_FALSE(pages.contains("indicator signed_investment"));
    CHECK_FALSE(pages.contains("indicator land_area"));
    CHECK_FALSE(pages.contains("kind high-tech-zone"));
    CHECK_FALSE(pages.contains("layout"));
}

TEST_CASE("page keys: a narrative changes its park's page only; a cited figure the citing page", "[keys]") {
    testing::SiteFixture site;
    const auto before = keys_of(site);
    site.set("parks/henan/zmd-island.md", "新的叙述，示范区签约{{fact zmd-zone signed_investment}}。\n");
    const auto after = keys_of(site);
    CHECK(changed(before, after) == std::set<std::string>{"park zmd-island"});

    const std::string file = "parks/henan/zmd-zone.toml";
    site.set(file, replaced(testing::base_files().at(file), "value = 103", "value = 104"));
    const auto cited = changed(after, keys_of(site));
    CHECK(cited.contains("park zmd-zone"));
    CHECK(cited.contains("park zmd-island")); // its narrative shows zmd-zone's figure
    CHECK(cited.contains("indicator signed_investment"));
}

TEST_CASE("page keys: renaming a park changes every page (links show its name)", "[keys]") {
    testing::SiteFixture site;
    const auto before = keys_of(site);
    const std::string file = "parks/henan/zmd-zone.toml";
    site.set(file, replaced(testing::base_files().at(file), "name = \"驻马店示范区\"", "name = \"驻马店高新区\""));
    CHECK(changed(before, keys_of(site)).size() == before.size());
}
