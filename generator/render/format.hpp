#pragma once

#include "model/model.hpp"

#include <string>

namespace parkpress::render {

/// A figure as shown to readers: converted to the indicator's display unit.
struct DisplayValue {
    std::string number;    ///< "21.435002", "10,425" (no unit, no qualifier)
    std::string plain;     ///< the same without grouping, for sorting and exports: "10425"
    std::string symbol;    ///< "≈", ">", "≥", "≤" or ""
    std::string unit;      ///< the display unit: "亿元"
    std::string text;      ///< symbol + number + unit: "≈103亿元"
    core::Decimal value;   ///< exact, in the display unit
    bool converted = false; ///< written in another unit than the display unit
};

/// Digits after the point that a converted value keeps before it is rounded: exact values
/// with a terminating expansion up to this length are shown in full.
inline constexpr int k_max_fraction_digits = 6;

/// A number for display: exact when its decimal expansion ends within k_max_fraction_digits,
/// else rounded to 2 decimals; integer parts of five digits or more grouped by thousands.
/// format_number(21.435002) == "21.435002", format_number(2/3) == "0.67",
/// format_number(10425) == "10,425", format_number(2183) == "2183"
std::string format_number(const core::Decimal& value);

/// The same number without grouping, for machine-readable exports: "10425", "0.666667".
std::string plain_number(const core::Decimal& value);

/// Converts a quantity to `display_unit` (exactly) and formats it with its qualifier.
/// Falls back to the written unit when no conversion exists (never happens after validation).
DisplayValue display(const model::Quantity& quantity, model::Qualifier qualifier, const std::string& display_unit);

/// "2023年" for a year, "2024年3月13日" for a date.
std::string period_text(const model::Period& period);
/// "2024年2月29日"
std::string date_text(const model::Date& date);

/// Chinese names of enumerations for pages: 年度 / 累计 / 时点 ...
std::string basis_name(model::Basis basis);
std::string level_name(model::Level level);
std::string qualifier_name(model::Qualifier qualifier); ///< "约", "超过", "不少于", "不超过", ""
std::string dimension_name(model::Dimension dimension);

} // namespace parkpress::render
