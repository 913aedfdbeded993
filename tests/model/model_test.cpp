#include "model/model.hpp"

#include <catch2/catch.hpp>

#include <utility>

using namespace parkpress;

namespace {

model::SiteModel three_indicators() {
    model::SiteModel m;
    for (const char* key : {"gdp", "revenue", "enterprises"}) {
        model::Indicator i;
        i.name = std::string("名称 ") + key;
        m.indicators.emplace(key, i);
    }
    model::Source s;
    s.title = "来源";
    m.sources.emplace("report", s);
    return m;
}

} // namespace

TEST_CASE("model: indicators and sources are found by key, indexed or not", "[model]") {
    model::SiteModel m = three_indicators();
    // Before index_parks(): the map's own search.
    REQUIRE(m.find_indicator("gdp") != nullptr);
    CHECK(m.find_indicator("gdp") == &m.indicators.at("gdp"));
    CHECK(m.find_indicator("nothing") == nullptr);
    CHECK(m.find_source("report") == &m.sources.at("report"));
    CHECK(m.find_source("") == nullptr);
    m.index_parks();
    CHECK(m.find_indicator("revenue") == &m.indicators.at("revenue"));
    CHECK(m.find_indicator("revenu") == nullptr);
    CHECK(m.find_source("report") == &m.sources.at("report"));

    SECTION("an indicator added after indexing is found too") {
        m.indicators.emplace("area", model::Indicator{});
        CHECK(m.find_indicator("area") == &m.indicators.at("area"));
        CHECK(m.find_indicator("gdp") == &m.indicators.at("gdp"));
    }
    SECTION("a copy finds its own elements, not the original's") {
        const model::SiteModel copy = m;
        CHECK(copy.find_indicator("gdp") == &copy.indicators.at("gdp"));
        CHECK(copy.find_source("report") == &copy.sources.at("report"));
        model::SiteModel assigned;
        assigned = m;
        CHECK(assigned.find_indicator("enterprises") == &assigned.indicators.at("enterprises"));
    }
    SECTION("a moved model keeps its index, and its elements where they were") {
        const model::Indicator* gdp = &m.indicators.at("gdp");
        model::SiteModel moved = std::move(m);
        CHECK(moved.find_indicator("gdp") == gdp);
        CHECK(moved.find_indicator("gdp") == &moved.indicators.at("gdp"));
        model::SiteModel assigned;
        assigned = std::move(moved);
        CHECK(assigned.find_indicator("gdp") == gdp);
    }
}

TEST_CASE("model: parks are found by slug; with two of one slug, the first", "[model]") {
    model::SiteModel m;
    for (const auto& [province, slug] : {std::pair{"henan", "a"}, std::pair{"henan", "b"}, std::pair{"hubei", "a"}}) {
        model::Park p;
        p.province = province;
        p.slug = slug;
        m.parks.push_back(p);
    }
    CHECK(m.find_park("a") == &m.parks[0]);
    m.index_parks();
    CHECK(m.find_park("a") == &m.parks[0]);
    CHECK(m.find_park("b") == &m.parks[1]);
    CHECK(m.find_park("c") == nullptr);
}
