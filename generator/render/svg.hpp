#pragma once

#include <string>
#include <vector>

namespace parkpress::render {

/// The colour of a province (by its palette index), the same on every chart and page.
std::string province_colour(int index);

struct Bar {
    std::string label;       ///< park name
    std::string value_label; ///< "≈103" (with qualifier symbol, without unit)
    double value = 0;        ///< geometry only; the label carries the exact figure
    int colour = 0;          ///< palette index
    bool bounded = false;    ///< drawn lighter: the value is a bound (≈ > ≥ ≤)
    bool other_period = false; ///< marked with "†": not the common period
};

struct LegendEntry {
    std::string label;
    int colour = 0;
};

struct BarChart {
    std::string id;          ///< unique on its page: used for <title>/<desc> ids
    std::string title;       ///< "签约金额（亿元）"
    std::string description; ///< a sentence describing what the chart shows
    std::vector<Bar> bars;   ///< drawn top to bottom in this order
    std::vector<LegendEntry> legend;
};

/// Geometry of one bar, exposed for tests: x and width in SVG user units.
struct BarGeometry {
    double x = 0;
    double width = 0;
    double y = 0;
};

inline constexpr double k_chart_width = 720;
inline constexpr double k_min_label_width = 100;
inline constexpr double k_max_label_width = 300;
inline constexpr std::size_t k_max_label_cells = 40; ///< longer labels are cut with "…"
inline constexpr double k_min_value_room = 80;
inline constexpr double k_row_height = 26;

/// Room right of the longest bar for the value labels.
double value_room(const std::vector<Bar>& bars);
/// Room left of the bars for the park names.
double label_room(const std::vector<Bar>& bars);
/// A label cut to k_max_label_cells display cells, with "…" when it was longer.
std::string fit_label(const std::string& label);

/// Where each bar goes: a shared baseline at zero, lengths proportional to values.
std::vector<BarGeometry> layout_bars(const std::vector<Bar>& bars, double top);

/// A horizontal bar chart as a standalone SVG element, with <title> and <desc>, readable
/// Chinese labels and a legend of province colours. Deterministic: coordinates are printed
/// with one decimal.
std::string bar_chart_svg(const BarChart& chart);

} // namespace parkpress::render
