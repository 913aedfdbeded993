#include "compute/site_index.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>
#include <fmt/core.h>

#include <string>
#include <vector>

using namespace parkpress;
using core::Decimal;

TEST_CASE("compute: exact medians", "[compute]") {
    CHECK_FALSE(compute::median({}).has_value());
    CHECK(*compute::median({Decimal(3), Decimal(1), Decimal(2)}) == Decimal(2));
    CHECK(*compute::median({Decimal(1), Decimal(2)}) == *Decimal::fraction(3, 2));
}

TEST_CASE("compute: latest facts per indicator, sorted, with province summaries", "[compute]") {
    testing::SiteFixture site;
    site.set("parks/henan/zmd-island.toml", R"(name = "驻马店智慧岛"
city = "驻马店市"
kind = "smart-island"
level = "municipal"
parent = "zmd-zone"

[[facts]]
indicator = "signed_investment"
value = 50
unit = "亿元"
period = 2023
source = "zmd-2024"

[[facts]]
indicator = "projects_signed"
value = 1
unit = "个"
period = 2023
source = "zmd-2024"

[[facts]]
indicator = "land_area"
value = 1
unit = "亩"
period = 2023
source = "zmd-2024"

[[targets]]
indicator = "signed_investment"
value = 60
unit = "亿元"
by = 2025
source = "zmd-2024"
)");
    site.set("parks/henan/zmd-island.md", "岛。\n");
    site.set("parks/henan/other.toml", R"(name = "另一园区"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"

[[facts]]
indicator = "signed_investment"
value = 2000000
unit = "万元"
period = 2023
source = "zmd-2024"
)");
    core::Diagnostics d;
    const auto content = site.load(d);
    REQUIRE_FALSE(d.has_errors());
    const auto index = compute::build_index(content.model);
    const auto& ii = index.indicators.at("signed_investment");
    REQUIRE(ii.facts.size() == 3);
    CHECK(ii.facts[0].park->slug == "other"); // 200 亿元 after conversion
    CHECK(ii.facts[0].value == Decimal(200));
    CHECK(ii.facts[1].park->slug == "zmd-zone");
    CHECK(ii.common_period == "2023");
    REQUIRE(ii.targets.size() == 1);
    REQUIRE(ii.provinces.size() == 1);
    const auto& henan = ii.provinces[0];
    CHECK(henan.facts.size() == 3);
    CHECK(*henan.median == Decimal(103));
    // The island's 50 is inside its host's 103: the total counts the host only.
    REQUIRE(henan.total.has_value());
    CHECK(*henan.total == Decimal(303));
    CHECK(henan.total_has_bounds); // the host's 103 is "about"
    CHECK(index.children.at("zmd-zone").size() == 1);
    CHECK(index.parks_by_kind.at("high-tech-zone").size() == 2);
    CHECK(index.citations.at("zmd-2024").size() == 6); // 5 facts and 1 target
}

TEST_CASE("compute: no totals across periods, for cumulative figures or for percentages", "[compute]") {
    model::Indicator percent;
    percent.dimension = model::Dimension::percent;
    CHECK_FALSE(compute::is_additive(percent));
    model::Indicator money;
    money.dimension = model::Dimension::money;
    CHECK(compute::is_additive(money));
    testing::SiteFixture site;
    site.set("parks/henan/other.toml", R"(name = "另一园区"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"

[[facts]]
indicator = "signed_investment"
value = 1
unit = "亿元"
period = 2022
source = "zmd-2024"
)");
    core::Diagnostics d;
    const auto content = site.load(d);
    const auto index = compute::build_index(content.model);
    const auto& henan = index.indicators.at("signed_investment").provinces[0];
    CHECK_FALSE(henan.total.has_value());
    CHECK(henan.no_total_reason == "各园区数据时期不同");
    CHECK(henan.median_mixed_periods);
}

TEST_CASE("compute: the common period is the most frequent; of equally frequent ones, the first as text",
          "[compute]") {
    auto park = [](int n, const std::string& period) {
        return fmt::format(R"(name = "园区{0}"
city = "驻马店市"
kind = "high-tech-zone"
level = "municipal"

[[facts]]
indicator = "signed_investment"
value = {0}
unit = "亿元"
period = {1}
source = "zmd-2024"
)",
                           n, period);
    };
    auto common = [&](const std::vector<std::string>& periods) {
        testing::SiteFixture site;
        for (std::size_t i = 0; i < periods.size(); ++i) {
            site.set(fmt::format("parks/henan/p{}.toml", i), park(static_cast<int>(i) + 1, periods[i]));
        }
        core::Diagnostics d;
        const auto content = site.load(d);
        REQUIRE_FALSE(d.has_errors());
        const auto index = compute::build_index(content.model);
        return index.indicators.at("signed_investment").common_period;
    };
    // The fixture's zone reports 2023 too.
    CHECK(common({"2024", "2023-06-30", "2023-06-30", "2022", "2022"}) == "2022");
    CHECK(common({"2023-06-30", "2023-06-30"}) == "2023-06-30");
    CHECK(common({"2023-06-30", "2023"}) == "2023");
    CHECK(common({"2023-12-31", "2024", "2024"}) == "2024"); // a day is not its year
    CHECK(common({"2021", "2024", "2021", "2024", "2024"}) == "2024");
}
