#include "render/format.hpp"

#include <catch2/catch.hpp>

using namespace parkpress;
using parkpress::core::Decimal;

TEST_CASE("format: exact decimals, rounding of repeating ones, grouping of large numbers", "[render]") {
    CHECK(render::format_number(*Decimal::parse("21.435002")) == "21.435002");
    CHECK(render::format_number(*Decimal::fraction(2, 3)) == "0.67");
    CHECK(render::format_number(Decimal(2183)) == "2183");
    CHECK(render::format_number(Decimal(10425)) == "10,425");
    CHECK(render::format_number(Decimal(-1234567)) == "-1,234,567");
    CHECK(render::format_number(*Decimal::parse("12345.5")) == "12,345.5");
    CHECK(render::plain_number(Decimal(10425)) == "10425");
    CHECK(render::plain_number(*Decimal::parse("0.0000001")) == "0");
}

TEST_CASE("format: display converts to the indicator's unit and keeps the qualifier", "[render]") {
    const model::Quantity credit{*Decimal::parse("214350.02"), "万元", {}, {}};
    const auto v = render::display(credit, model::Qualifier::none, "亿元");
    CHECK(v.text == "21.435002亿元");
    CHECK(v.converted);
    const model::Quantity area{Decimal(1245), "亩", {}, {}};
    CHECK(render::display(area, model::Qualifier::about, "平方公里").text == "≈0.83平方公里");
    CHECK(render::display(area, model::Qualifier::over, "亩").text == ">1245亩");
    CHECK_FALSE(render::display(area, model::Qualifier::over, "亩").converted);
    CHECK(render::display(area, model::Qualifier::at_least, "亩").symbol == "≥");
    CHECK(render::display(area, model::Qualifier::at_most, "亩").symbol == "≤");
    const model::Quantity per_mu{Decimal(30), "万元/亩", {}, {}};
    CHECK(render::display(per_mu, model::Qualifier::none, "元/平方米").text == "450元/平方米");
}

TEST_CASE("format: periods, dates and names", "[render]") {
    CHECK(render::period_text({2023, std::nullopt}) == "2023年");
    CHECK(render::period_text({2024, model::Date{2024, 3, 13}}) == "2024年3月13日");
    CHECK(render::basis_name(model::Basis::cumulative) == "累计");
    CHECK(render::level_name(model::Level::national) == "国家级");
    CHECK(render::qualifier_name(model::Qualifier::over) == "超过");
}
