#include "model/units.hpp"

#include <catch2/catch.hpp>

using namespace parkpress::model;
using parkpress::core::Decimal;

namespace {
std::string converted(const char* value, const char* from, const char* to, int digits = 12) {
    const auto v = convert(*Decimal::parse(value), from, to);
    REQUIRE(v.has_value());
    return v->to_string(digits);
}
} // namespace

TEST_CASE("units: the format's exactness example", "[model]") {
    CHECK(converted("214350.02", "万元", "亿元") == "21.435002");
    CHECK(converted("214350.02", "万元", "元") == "2143500200");
}

TEST_CASE("units: every area unit pair", "[model]") {
    // 1 平方公里 = 1500 亩 = 100 公顷 = 100 万平方米 = 1000000 平方米.
    const std::vector<std::pair<const char*, const char*>> one_km2{
        {"平方米", "1000000"}, {"万平方米", "100"}, {"亩", "1500"}, {"公顷", "100"}, {"平方公里", "1"}};
    for (const auto& [from, amount] : one_km2) {
        for (const auto& [to, expected] : one_km2) {
            INFO(from << " -> " << to);
            const auto v = convert(*Decimal::parse(amount), from, to);
            REQUIRE(v.has_value());
            CHECK(v->to_string() == expected);
        }
    }
    CHECK(converted("1", "亩", "平方米", 3) == "666.667");
    CHECK(*convert(Decimal(1), "亩", "平方米") == *Decimal::fraction(2000, 3));
    CHECK(converted("1", "公顷", "亩") == "15");
    CHECK(converted("1245", "亩", "平方公里") == "0.83");
    CHECK(converted("3000", "亩", "平方公里") == "2");
    CHECK(converted("11.18", "平方公里", "亩") == "16770");
    CHECK(converted("1000", "亩", "平方公里", 3) == "0.667");
}

TEST_CASE("units: every money unit pair", "[model]") {
    const std::vector<std::pair<const char*, const char*>> one_yi{{"元", "100000000"}, {"万元", "10000"}, {"亿元", "1"}};
    for (const auto& [from, amount] : one_yi) {
        for (const auto& [to, expected] : one_yi) {
            INFO(from << " -> " << to);
            CHECK(converted(amount, from, to) == expected);
        }
    }
}

TEST_CASE("units: every money-per-area unit pair", "[model]") {
    // 30 万元/亩 = 450 元/平方米 = 4.5 亿元/平方公里.
    const std::vector<std::pair<const char*, const char*>> same{{"元/平方米", "450"}, {"万元/亩", "30"}, {"亿元/平方公里", "4.5"}};
    for (const auto& [from, amount] : same) {
        for (const auto& [to, expected] : same) {
            INFO(from << " -> " << to);
            CHECK(converted(amount, from, to) == expected);
        }
    }
}

TEST_CASE("units: percent converts only to itself; counts and dimensions never mix", "[model]") {
    CHECK(converted("115", "%", "%") == "115");
    CHECK_FALSE(convert(Decimal(1), "亩", "万元").has_value());
    CHECK_FALSE(convert(Decimal(1), "万元", "%").has_value());
    CHECK_FALSE(convert(Decimal(1), "家", "个").has_value());
    CHECK(convert(Decimal(7), "家", "家")->to_string() == "7");
}

TEST_CASE("units: table lookups", "[model]") {
    REQUIRE(find_unit("万元/亩") != nullptr);
    CHECK(find_unit("万元/亩")->dimension == Dimension::money_per_area);
    CHECK(find_unit("家") == nullptr);
    CHECK(find_unit("亿美元") == nullptr);
    CHECK(units_of(Dimension::area) == std::vector<std::string>{"平方米", "万平方米", "亩", "公顷", "平方公里"});
    CHECK(units_of(Dimension::count).empty());
    CHECK(is_count_word("家"));
    CHECK_FALSE(is_count_word("亩"));
    CHECK(is_foreign_currency("亿美元"));
    CHECK_FALSE(is_foreign_currency("亿元"));
}
