#include "render/svg.hpp"

#include "core/text.hpp"
#include "render/html.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>

namespace parkpress::render {
namespace {

// Okabe–Ito colours (distinguishable with colour blindness), then further distinct hues.
constexpr std::array<std::string_view, 12> k_palette{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                                                     "#7F3C8D", "#11A579", "#3969AC", "#E73F74", "#80BA5A", "#A5AA99"};

std::string num(double v) { return fmt::format("{:.1f}", v); }

constexpr double k_legend_row = 22;
constexpr double k_font_size = 13;
constexpr std::string_view k_font =
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";

} // namespace

std::string province_colour(int index) {
    return std::string(k_palette[static_cast<std::size_t>(index < 0 ? 0 : index) % k_palette.size()]);
}

std::string fit_label(const std::string& label) {
    if (core::display_width(label) <= k_max_label_cells) {
        return label;
    }
    std::string out;
    std::size_t cells = 0;
    for (const std::uint32_t cp : core::code_points(label)) {
        const std::string ch = core::utf8_encode(cp);
        const std::size_t w = core::display_width(ch);
        if (cells + w > k_max_label_cells - 2) {
            break;
        }
        out += ch;
        cells += w;
    }
    return out + "…";
}

double label_room(const std::vector<Bar>& bars) {
    std::size_t widest = 0;
    for (const auto& b : bars) {
        widest = std::max(widest, core::display_width(fit_label(b.label)));
    }
    return std::clamp(static_cast<double>(widest) * 6.8 + 14, k_min_label_width, k_max_label_width);
}

double value_room(const std::vector<Bar>& bars) {
    std::size_t widest = 0;
    for (const auto& b : bars) {
        widest = std::max(widest, core::display_width(b.value_label) + (b.other_period ? 1 : 0));
    }
    return std::max(k_min_value_room, static_cast<double>(widest) * 7 + 16);
}

std::vector<BarGeometry> layout_bars(const std::vector<Bar>& bars, double top) {
    double low = 0;
    double high = 0;
    for (const auto& b : bars) {
        low = std::min(low, b.value);
        high = std::max(high, b.value);
    }
    const double span = high - low;
    const double labels = label_room(bars);
    const double area = k_chart_width - labels - value_room(bars);
    const double scale = span > 0 ? area / span : 0;
    const double zero = labels + (-low) * scale;
    std::vector<BarGeometry> out;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double length = bars[i].value * scale;
        out.push_back({length >= 0 ? zero : zero + length, length >= 0 ? length : -length,
                       top + static_cast<double>(i) * k_row_height});
    }
    return out;
}

std::string bar_chart_svg(const BarChart& chart) {
    // Legend entries flow left to right and wrap at the chart's width.
    struct Placed {
        double x, y;
    };
    std::vector<Placed> placed;
    double lx = 0;
    double ly = 0;
    for (const auto& entry : chart.legend) {
        const double w = 16 + static_cast<double>(core::display_width(entry.label)) * 6.5 + 14;
        if (lx > 0 && lx + w > k_chart_width) {
            lx = 0;
            ly += k_legend_row;
        }
        placed.push_back({lx, ly});
        lx += w;
    }
    const double legend_height = chart.legend.empty() ? 0 : ly + k_legend_row + 6;
    const double top = legend_height + 4;
    const double height = top + static_cast<double>(chart.bars.size()) * k_row_height + 8;
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
        "role=\"img\" aria-labelledby=\"{}-title {}-desc\" font-family=\"{}\" font-size=\"{}\">\n",
        num(k_chart_width), num(height), num(k_chart_width), num(height), chart.id, chart.id, k_font, num(k_font_size));
    out += fmt::format("<title id=\"{}-title\">{}</title>\n<desc id=\"{}-desc\">{}</desc>\n", chart.id,
                       escape_html(chart.title), chart.id, escape_html(chart.description));
    for (std::size_t i = 0; i < chart.legend.size(); ++i) {
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>"
                           "<text x=\"{}\" y=\"{}\">{}</text>\n",
                           num(placed[i].x), num(placed[i].y + 4), province_colour(chart.legend[i].colour),
                           num(placed[i].x + 16), num(placed[i].y + 15), escape_html(chart.legend[i].label));
    }
    const auto geometry = layout_bars(chart.bars, top);
    const double labels = label_room(chart.bars);
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const Bar& bar = chart.bars[i];
        const BarGeometry& g = geometry[i];
        const double text_y = g.y + 17;
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", num(labels - 8), num(text_y),
                           escape_html(fit_label(bar.label)));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"{}\"{}/>", num(g.x), num(g.y + 4),
                           num(std::max(g.width, 1.0)), province_colour(bar.colour),
                           bar.bounded ? " fill-opacity=\"0.45\" stroke-dasharray=\"3 2\" stroke=\"#333\"" : "");
        out += fmt::format("<text x=\"{}\" y=\"{}\">{}{}</text>\n", num(g.x + std::max(g.width, 1.0) + 6), num(text_y),
                           escape_html(bar.value_label), bar.other_period ? "†" : "");
    }
    out += "</svg>";
    return out;
}

} // namespace parkpress::render
