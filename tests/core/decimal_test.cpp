#include "core/decimal.hpp"

#include <catch2/catch.hpp>

using parkpress::core::Decimal;

namespace {
Decimal dec(const char* text) {
    const auto d = Decimal::parse(text);
    REQUIRE(d.has_value());
    return *d;
}
} // namespace

TEST_CASE("decimal: parses integers, fractions and exponents exactly", "[core]") {
    CHECK(dec("103").to_string() == "103");
    CHECK(dec("-3.25").to_string() == "-3.25");
    CHECK(dec("+0.5").to_string() == "0.5");
    CHECK(dec("1e3").to_string() == "1000");
    CHECK(dec("2.5E-2").to_string() == "0.025");
    CHECK(dec("1_000").to_string() == "1000");
    CHECK(dec("214350.02") == *Decimal::fraction(21435002, 100));
}

TEST_CASE("decimal: rejects text that is not a plain decimal", "[core]") {
    CHECK_FALSE(Decimal::parse("").has_value());
    CHECK_FALSE(Decimal::parse("abc").has_value());
    CHECK_FALSE(Decimal::parse("1.2.3").has_value());
    CHECK_FALSE(Decimal::parse("1e").has_value());
    CHECK_FALSE(Decimal::parse("nan").has_value());
    CHECK_FALSE(Decimal::parse("12亿").has_value());
    CHECK_FALSE(Decimal::parse("1e99").has_value());
}

TEST_CASE("decimal: 214350.02 divided by 10000 is exactly 21.435002", "[core]") {
    const auto result = dec("214350.02").divided_by(Decimal(10000));
    REQUIRE(result.has_value());
    CHECK(result->to_string() == "21.435002");
    CHECK(result->to_string(12) == "21.435002");
    CHECK(*result == dec("21.435002"));
}

TEST_CASE("decimal: fractions are normalised", "[core]") {
    const auto d = Decimal::fraction(10, -4);
    REQUIRE(d.has_value());
    CHECK(d->numerator() == -5);
    CHECK(d->denominator() == 2);
    CHECK_FALSE(Decimal::fraction(1, 0).has_value());
}

TEST_CASE("decimal: rounding of non-terminating expansions", "[core]") {
    const auto two_thirds = *Decimal::fraction(2, 3);
    CHECK(two_thirds.to_string(2) == "0.67");
    CHECK(two_thirds.to_string(0) == "1");
    CHECK(two_thirds.to_fixed(3) == "0.667");
    CHECK(Decimal::fraction(-1, 3)->to_string(2) == "-0.33");
    CHECK(dec("2.5").to_string(0) == "3");   // half away from zero
    CHECK(dec("-2.5").to_string(0) == "-3");
    CHECK(dec("-0.001").to_string(2) == "0"); // no "-0"
    CHECK(dec("1.5").to_fixed(2) == "1.50");
    CHECK(dec("1.10").to_string() == "1.1");
}

TEST_CASE("decimal: arithmetic and comparison", "[core]") {
    CHECK(dec("0.1").plus(dec("0.2"))->to_string() == "0.3");
    CHECK(dec("1.5").times(dec("4"))->to_string() == "6");
    CHECK(dec("1").divided_by(dec("3"))->times(dec("3"))->to_string() == "1");
    CHECK_FALSE(dec("1").divided_by(Decimal(0)).has_value());
    CHECK(dec("0.1") < dec("0.11"));
    CHECK(dec("-2") < dec("1"));
    CHECK(dec("2.50") == dec("2.5"));
    CHECK(dec("0.75").to_double() == Approx(0.75));
}

TEST_CASE("decimal: overflow is reported, not wrapped", "[core]") {
    const auto big = dec("100000000000000000000"); // 1e20
    CHECK_FALSE(big.times(big).has_value());
    CHECK(big.times(Decimal(1000))->to_string() == "100000000000000000000000");
}

TEST_CASE("decimal: rounds a remainder above half of a 38-digit denominator without overflow", "[core]") {
    // Found by fuzz_numbers (tests/fuzz/regressions/fuzz_numbers/): twice the remainder
    // overflowed 128 bits, so 0.92… rounded to 0. See issue #6.
    CHECK(dec("0.92233172233720203685477547375922318601").to_string(0) == "1");
    CHECK(dec("-0.92233172233720203685477547375922318601").to_string(0) == "-1");
    CHECK(dec("0.92233172233720203685477547375922318601").to_fixed(0) == "1");
    CHECK(dec("0.10000000000000000000000000000000000001").to_string(0) == "0");
}

TEST_CASE("decimal: more digits than 128 bits hold is no number, not an overflow", "[core]") {
    // 2^127 - 1 parses; one more overflows in the last addition, which was undefined behaviour.
    CHECK(Decimal::parse("170141183460469231731687303715884105727"));
    CHECK_FALSE(Decimal::parse("170141183460469231731687303715884105728"));
    CHECK_FALSE(Decimal::parse("170141183460469231731687303715884105729"));
    CHECK_FALSE(Decimal::parse("1701411834604692317316873037158841057290"));
}
