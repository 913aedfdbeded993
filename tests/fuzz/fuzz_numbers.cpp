// Fuzz target: numbers from text to the page. core::Decimal::parse, the conversion between
// units (model::convert) and the display formatting (render::display, plain_number,
// format_number, Decimal::to_string and to_fixed).
//
// Input: up to four lines, "VALUE\nFROM_UNIT\nDISPLAY_UNIT\nQUALIFIER"; the qualifier is its
// first byte modulo 5 (none, about, over, at_least, at_most). VALUE is tried three ways, as
// the loader gets figures: as decimal text (Decimal::parse), as a TOML integer (an int64) and
// as a TOML float (a double, printed by fmt as its shortest text and parsed again, which is
// what load::TableReader::number does).
// Invariants checked, each a __builtin_trap() when broken:
// - what to_string, to_fixed and plain_number print parses again: to the same value when the
//   expansion ends within the digits asked for, else to one at most half a unit of the last
//   digit away; to_fixed has exactly the digits asked for; no "-0";
// - format_number is plain_number grouped by thousands (from five integer digits on);
// - a conversion converted back gives the value again, exactly;
// - display() agrees with convert() and the formatting functions.

#include "core/decimal.hpp"
#include "model/units.hpp"
#include "render/format.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {
using namespace parkpress;
using core::Decimal;
using core::Int128;

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz_numbers: invariant broken: %s\n", what);
        __builtin_trap();
    }
}

std::vector<std::string_view> split_lines(std::string_view text, std::size_t max_fields) {
    std::vector<std::string_view> fields;
    while (fields.size() + 1 < max_fields) {
        const std::size_t nl = text.find('\n');
        if (nl == std::string_view::npos) {
            break;
        }
        fields.push_back(text.substr(0, nl));
        text.remove_prefix(nl + 1);
    }
    fields.push_back(text);
    fields.resize(max_fields);
    return fields;
}

/// Whether num/den has a decimal expansion of at most `digits` fraction digits.
bool terminates_within(const Decimal& d, int digits) {
    Int128 den = d.denominator();
    int twos = 0;
    int fives = 0;
    for (; den % 2 == 0; den /= 2) {
        ++twos;
    }
    for (; den % 5 == 0; den /= 5) {
        ++fives;
    }
    return den == 1 && twos <= digits && fives <= digits;
}

/// Whether |numerator| * 10^digits fits in 128 bits: beyond it, to_string keeps only the
/// integer part (the representation's limit, not a rounding rule).
bool scalable(const Decimal& d, int digits) {
    Int128 v = d.numerator() < 0 ? -d.numerator() : d.numerator();
    for (int i = 0; i < digits; ++i) {
        if (__builtin_mul_overflow(v, 10, &v)) {
            return false;
        }
    }
    return true;
}

/// |a - b| * 2 * 10^digits <= 1, or nullopt when the arithmetic overflows.
std::optional<bool> within_half_unit(const Decimal& a, const Decimal& b, int digits) {
    const auto minus_b = Decimal::fraction(-b.numerator(), b.denominator());
    auto diff = minus_b ? a.plus(*minus_b) : std::nullopt;
    for (int i = 0; diff && i < digits; ++i) {
        diff = diff->times(10);
    }
    if (diff) {
        diff = diff->times(2);
    }
    if (!diff) {
        return std::nullopt;
    }
    return *diff <= Decimal(1) && *diff >= Decimal(-1);
}

void check_printed(const Decimal& d, const std::string& printed, int digits, bool fixed) {
    const auto back = Decimal::parse(printed);
    require(back.has_value(), "printed number parses again");
    require(printed.find_first_not_of("-0123456789.") == std::string::npos, "printed number is plain digits");
    require(!(back->is_zero() && printed.starts_with("-")), "no negative zero");
    const std::size_t point = printed.find('.');
    if (fixed && scalable(d, digits)) {
        const std::size_t fraction = point == std::string::npos ? 0 : printed.size() - point - 1;
        require(fraction == static_cast<std::size_t>(digits), "to_fixed prints the digits asked for");
    }
    if (!fixed && point != std::string::npos) {
        require(printed.back() != '0' && printed.back() != '.', "to_string drops trailing zeros");
    }
    if (!scalable(d, digits)) {
        return;
    }
    if (terminates_within(d, digits)) {
        require(*back == d, "exact expansion prints exactly");
    } else if (const auto close = within_half_unit(*back, d, digits)) {
        require(*close, "rounded to within half a unit of the last digit");
    }
}

void check_grouping(const std::string& plain, const std::string& grouped) {
    std::string ungrouped;
    for (const char c : grouped) {
        if (c != ',') {
            ungrouped += c;
        }
    }
    require(ungrouped == plain, "format_number is plain_number with commas");
    const std::size_t start = plain.starts_with("-") ? 1 : 0;
    const std::size_t int_digits = std::min(plain.find('.'), plain.size()) - start;
    const std::size_t commas = grouped.size() - plain.size();
    require(commas == (int_digits >= 5 ? (int_digits - 1) / 3 : 0), "commas every three integer digits from five on");
}

void check_value(const Decimal& d, const std::string& from, const std::string& to, model::Qualifier qualifier) {
    require(d.denominator() > 0, "denominator positive");
    for (const int digits : {0, 2, 6, 12}) {
        check_printed(d, d.to_string(digits), digits, false);
        check_printed(d, d.to_fixed(digits), digits, true);
    }
    const std::string plain = render::plain_number(d);
    check_printed(d, plain, terminates_within(d, render::k_max_fraction_digits) ? render::k_max_fraction_digits : 2,
                  false);
    check_grouping(plain, render::format_number(d));
    const double x = d.to_double();
    require(d.is_zero() == (x == 0) && d.is_negative() == (x < 0), "to_double keeps the sign");

    const auto converted = model::convert(d, from, to);
    if (converted) {
        const auto back = model::convert(*converted, to, from);
        require(from != to || *converted == d, "converting to the same unit changes nothing");
        require(!back || *back == d, "converted back exactly");
    }
    const auto shown = render::display(model::Quantity{d, from, {}, {}}, qualifier, to);
    require(shown.value == converted.value_or(d), "display shows the converted value");
    require(shown.unit == (converted ? to : from), "display shows the unit of its value");
    require(shown.converted == (converted && from != to), "display says whether it converted");
    require(shown.plain == render::plain_number(shown.value), "display's plain number");
    require(shown.number == render::format_number(shown.value), "display's grouped number");
    require(shown.text == shown.symbol + shown.number + shown.unit, "display's text");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto fields = split_lines(std::string_view(reinterpret_cast<const char*>(data), size), 4);
    const std::string_view value = fields[0];
    const std::string from(fields[1]);
    const std::string to(fields[2]);
    constexpr std::array<model::Qualifier, 5> k_qualifiers{model::Qualifier::none, model::Qualifier::about,
                                                           model::Qualifier::over, model::Qualifier::at_least,
                                                           model::Qualifier::at_most};
    const auto qualifier =
        fields[3].empty() ? model::Qualifier::none : k_qualifiers[static_cast<unsigned char>(fields[3][0]) % 5];

    if (const auto d = Decimal::parse(value)) {
        check_value(*d, from, to, qualifier);
    }
    const char* const end = value.data() + value.size();
    std::int64_t integer = 0;
    if (const auto r = std::from_chars(value.data(), end, integer); r.ec == std::errc{} && r.ptr == end) {
        check_value(Decimal(integer), from, to, qualifier);
    }
    double floating = 0;
    if (const auto r = std::from_chars(value.data(), end, floating);
        r.ec == std::errc{} && r.ptr == end && std::isfinite(floating)) {
        if (const auto d = Decimal::parse(fmt::format("{}", floating))) {
            check_value(*d, from, to, qualifier);
        }
    }
    return 0;
}
