#include "model/units.hpp"

#include <algorithm>
#include <array>

namespace parkpress::model {
namespace {

Decimal exact(core::Int128 num, core::Int128 den = 1) { return *Decimal::fraction(num, den); }

const std::array<UnitInfo, 12>& unit_table() {
    static const std::array<UnitInfo, 12> table{{
        {"平方米", Dimension::area, exact(1)},
        {"万平方米", Dimension::area, exact(10000)},
        {"亩", Dimension::area, exact(10000, 15)},
        {"公顷", Dimension::area, exact(10000)},
        {"平方公里", Dimension::area, exact(1000000)},
        {"元", Dimension::money, exact(1)},
        {"万元", Dimension::money, exact(10000)},
        {"亿元", Dimension::money, exact(100000000)},
        {"元/平方米", Dimension::money_per_area, exact(1)},
        {"万元/亩", Dimension::money_per_area, exact(15)},           // 10000 元 / (10000/15 平方米)
        {"亿元/平方公里", Dimension::money_per_area, exact(100)},   // 1e8 元 / 1e6 平方米
        {"%", Dimension::percent, exact(1)},
    }};
    return table;
}

} // namespace

const UnitInfo* find_unit(std::string_view unit) {
    const auto& table = unit_table();
    const auto it = std::find_if(table.begin(), table.end(), [&](const UnitInfo& u) { return u.name == unit; });
    return it == table.end() ? nullptr : &*it;
}

std::vector<std::string> units_of(Dimension d) {
    std::vector<std::string> out;
    for (const auto& u : unit_table()) {
        if (u.dimension == d) {
            out.emplace_back(u.name);
        }
    }
    return out;
}

const std::vector<std::string>& count_words() {
    static const std::vector<std::string> words{
        "个", "家", "人", "项", "件", "次", "笔", "套", "名", "份", "场", "所", "座", "台", "户",
        "位", "篇", "批", "支", "条", "种", "类", "处", "栋", "间", "张", "辆", "只", "部", "门",
        "届", "期", "场次", "人次", "家次", "项次"};
    return words;
}

bool is_count_word(std::string_view unit) {
    const auto& words = count_words();
    return std::find(words.begin(), words.end(), unit) != words.end();
}

bool is_foreign_currency(std::string_view unit) {
    static const std::array<std::string_view, 8> currencies{"美元", "欧元", "日元", "英镑", "港元", "港币", "韩元", "USD"};
    return std::any_of(currencies.begin(), currencies.end(),
                       [&](std::string_view c) { return unit.find(c) != std::string_view::npos; });
}

std::optional<Decimal> convert(const Decimal& value, std::string_view from, std::string_view to) {
    if (from == to) {
        return value;
    }
    const UnitInfo* a = find_unit(from);
    const UnitInfo* b = find_unit(to);
    if (a == nullptr || b == nullptr || a->dimension != b->dimension) {
        return std::nullopt;
    }
    const auto factor = a->to_base.divided_by(b->to_base);
    if (!factor) {
        return std::nullopt;
    }
    return value.times(*factor);
}

} // namespace parkpress::model
