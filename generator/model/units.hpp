#pragma once

#include "model/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parkpress::model {

/// The units version 1 of the content format knows, by dimension. Count indicators have
/// their own unit word and never convert.
struct UnitInfo {
    std::string_view name;
    Dimension dimension;
    Decimal to_base; ///< exact factor to the dimension's base unit (平方米, 元, 元/平方米, %)
};

/// The unit table entry for a name, or nullptr (count words are not in the table).
const UnitInfo* find_unit(std::string_view unit);
/// Every convertible unit of a dimension, in table order (empty for count).
std::vector<std::string> units_of(Dimension d);
/// Measure words accepted for count indicators (个, 家, 人 ...).
const std::vector<std::string>& count_words();
bool is_count_word(std::string_view unit);
/// Whether a unit names a currency other than the yuan (美元, 亿美元, 欧元 ...).
bool is_foreign_currency(std::string_view unit);

/// `value` in `from` expressed in `to`, exactly. nullopt when the units are not of one
/// convertible dimension or the result overflows.
/// convert(Decimal::parse("214350.02"), "万元", "亿元") == 21.435002
std::optional<Decimal> convert(const Decimal& value, std::string_view from, std::string_view to);

} // namespace parkpress::model
