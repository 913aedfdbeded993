#include "render/svg.hpp"

#include "core/text.hpp"

#include <catch2/catch.hpp>

using namespace parkpress::render;

TEST_CASE("svg: bar lengths are proportional to values from a shared zero", "[render]") {
    std::vector<Bar> bars(3);
    bars[0].value = 100;
    bars[1].value = 50;
    bars[2].value = 0;
    const auto g = layout_bars(bars, 10);
    const double area = k_chart_width - label_room(bars) - value_room(bars);
    CHECK(g[0].x == Approx(label_room(bars)));
    CHECK(g[0].width == Approx(area));
    CHECK(g[1].width == Approx(area / 2));
    CHECK(g[2].width == Approx(0));
    CHECK(g[1].y == Approx(10 + k_row_height));
}

TEST_CASE("svg: negative values extend left of the zero line", "[render]") {
    std::vector<Bar> bars(2);
    bars[0].value = 30;
    bars[1].value = -10;
    const auto g = layout_bars(bars, 0);
    const double area = k_chart_width - label_room(bars) - value_room(bars);
    const double zero = label_room(bars) + area * 10 / 40;
    CHECK(g[0].x == Approx(zero));
    CHECK(g[0].width == Approx(area * 30 / 40));
    CHECK(g[1].x == Approx(zero - area * 10 / 40));
    CHECK(g[1].width == Approx(area * 10 / 40));
}

TEST_CASE("svg: the chart has title, desc, escaped labels, legend and marks", "[render]") {
    BarChart chart;
    chart.id = "c1";
    chart.title = "签约金额（亿元）";
    chart.description = "各园区 <比较>";
    chart.bars.push_back({"驻马店智慧岛 & 示范区", "≈103", 103, 0, true, true});
    chart.bars.push_back({"济源", "50", 50, 1, false, false});
    chart.legend.push_back({"河南", 0});
    const std::string svg = bar_chart_svg(chart);
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(svg.find("aria-labelledby=\"c1-title c1-desc\"") != std::string::npos);
    CHECK(svg.find("<title id=\"c1-title\">签约金额（亿元）</title>") != std::string::npos);
    CHECK(svg.find("<desc id=\"c1-desc\">各园区 &lt;比较&gt;</desc>") != std::string::npos);
    CHECK(svg.find("驻马店智慧岛 &amp; 示范区") != std::string::npos);
    CHECK(svg.find(">≈103†</text>") != std::string::npos);
    CHECK(svg.find("fill-opacity=\"0.45\"") != std::string::npos);
    CHECK(svg.find(province_colour(1)) != std::string::npos);
    CHECK(svg.find(">河南</text>") != std::string::npos);
    CHECK(svg == bar_chart_svg(chart)); // deterministic
}

TEST_CASE("svg: province colours are stable and cycle", "[render]") {
    CHECK(province_colour(0) == "#0072B2");
    CHECK(province_colour(12) == province_colour(0));
    CHECK(province_colour(1) != province_colour(0));
}

TEST_CASE("svg: long labels are cut to fit, short ones kept", "[render]") {
    CHECK(fit_label("济源智慧岛") == "济源智慧岛");
    const std::string long_name = "济源智慧岛二园（数字经济产业园、高新人才园、科研街与融创智谷）";
    const std::string cut = fit_label(long_name);
    CHECK(cut.ends_with("…"));
    CHECK(parkpress::core::display_width(cut) <= k_max_label_cells);
    std::vector<Bar> bars(1);
    bars[0].label = long_name;
    CHECK(label_room(bars) <= k_max_label_width);
}
