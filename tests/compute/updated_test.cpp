#include "compute/updated.hpp"

#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace parkpress;

TEST_CASE("updated dates: a page's date is the newest of its files', unknown when one is", "[compute]") {
    testing::SiteFixture site;
    core::Diagnostics d;
    const auto content = site.load(d);
    REQUIRE_FALSE(d.has_errors());
    const auto index = compute::build_index(content.model);
    // Every file changed on 2024-01-01, but zmd-zone's data file on 2024-05-01 and the
    // bulletin's file is not committed.
    std::vector<std::vector<std::string>> asked;
    const auto dates = compute::updated_dates(content.model, index, [&](const std::vector<std::string>& files) {
        asked.push_back(files);
        if (std::find(files.begin(), files.end(), "bulletins/2024-1.toml") != files.end()) {
            return std::string();
        }
        const bool zone = std::find(files.begin(), files.end(), "parks/henan/zmd-zone.toml") != files.end();
        return std::string(zone ? "2024-05-01" : "2024-01-01");
    });
    CHECK(compute::UpdatedDates::of(dates.parks, "zmd-zone") == "2024-05-01");
    CHECK(compute::UpdatedDates::of(dates.parks, "zmd-island") == "2024-01-01");
    CHECK(compute::UpdatedDates::of(dates.provinces, "henan") == "2024-05-01"); // through its park
    CHECK(dates.bulletins.empty());
    CHECK(compute::UpdatedDates::of(dates.bulletins, "2024-1").empty());
    // A park's files are its data file and its narrative.
    CHECK(std::find(asked.begin(), asked.end(),
                    std::vector<std::string>{"parks/henan/zmd-island.toml", "parks/henan/zmd-island.md"}) != asked.end());
}
