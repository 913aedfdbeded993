#include "render/format.hpp"

#include "model/units.hpp"

#include <fmt/core.h>

namespace parkpress::render {
namespace {

bool terminates_within(const core::Decimal& value, int digits) {
    core::Int128 den = value.denominator();
    int twos = 0;
    int fives = 0;
    while (den % 2 == 0) {
        den /= 2;
        ++twos;
    }
    while (den % 5 == 0) {
        den /= 5;
        ++fives;
    }
    return den == 1 && std::max(twos, fives) <= digits;
}

std::string group_thousands(const std::string& number) {
    const bool negative = !number.empty() && number[0] == '-';
    const std::size_t start = negative ? 1 : 0;
    const std::size_t point = number.find('.');
    const std::size_t int_end = point == std::string::npos ? number.size() : point;
    if (int_end - start < 5) {
        return number;
    }
    std::string out = number.substr(0, start);
    for (std::size_t i = start; i < int_end; ++i) {
        out += number[i];
        const std::size_t remaining = int_end - i - 1;
        if (remaining > 0 && remaining % 3 == 0) {
            out += ',';
        }
    }
    return out + number.substr(int_end);
}

} // namespace

std::string plain_number(const core::Decimal& value) {
    return terminates_within(value, k_max_fraction_digits) ? value.to_string(k_max_fraction_digits) : value.to_string(2);
}

std::string format_number(const core::Decimal& value) { return group_thousands(plain_number(value)); }

DisplayValue display(const model::Quantity& quantity, model::Qualifier qualifier, const std::string& display_unit) {
    DisplayValue out;
    const auto converted = model::convert(quantity.value, quantity.unit, display_unit);
    out.value = converted.value_or(quantity.value);
    out.unit = converted ? display_unit : quantity.unit;
    out.converted = converted.has_value() && quantity.unit != display_unit;
    out.plain = plain_number(out.value);
    out.number = group_thousands(out.plain);
    out.symbol = model::qualifier_symbol(qualifier);
    out.text = out.symbol + out.number + out.unit;
    return out;
}

std::string date_text(const model::Date& date) { return fmt::format("{}年{}月{}日", date.year, date.month, date.day); }

std::string period_text(const model::Period& period) {
    return period.date ? date_text(*period.date) : fmt::format("{}年", period.year);
}

std::string basis_name(model::Basis basis) {
    switch (basis) {
    case model::Basis::annual: return "年度";
    case model::Basis::cumulative: return "累计";
    case model::Basis::stock: return "时点";
    }
    return "";
}

std::string level_name(model::Level level) {
    switch (level) {
    case model::Level::national: return "国家级";
    case model::Level::provincial: return "省级";
    case model::Level::municipal: return "市级";
    }
    return "";
}

std::string qualifier_name(model::Qualifier qualifier) {
    switch (qualifier) {
    case model::Qualifier::none: return "";
    case model::Qualifier::about: return "约";
    case model::Qualifier::over: return "超过";
    case model::Qualifier::at_least: return "不少于";
    case model::Qualifier::at_most: return "不超过";
    }
    return "";
}

std::string dimension_name(model::Dimension dimension) {
    switch (dimension) {
    case model::Dimension::area: return "面积";
    case model::Dimension::money: return "金额";
    case model::Dimension::money_per_area: return "单位面积金额";
    case model::Dimension::count: return "数量";
    case model::Dimension::percent: return "比例";
    }
    return "";
}

} // namespace parkpress::render
