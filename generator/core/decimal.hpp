#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parkpress::core {

__extension__ using Int128 = __int128;

/// An exact rational number, used for every figure so that unit conversion never
/// goes through binary floating point: 214350.02 万元 is 21.435002 亿元, exactly.
/// Always normalised: the denominator is positive and coprime with the numerator.
class Decimal {
public:
    Decimal() = default;
    Decimal(std::int64_t integer) : m_num(integer) {} // NOLINT(google-explicit-constructor)

    /// Parses "12", "-3.25", "1e3", "2.5E-2" (plain decimal text, as TOML writes it).
    static std::optional<Decimal> parse(std::string_view text);
    /// The exact fraction num/den; nullopt when den is 0.
    static std::optional<Decimal> fraction(Int128 num, Int128 den);

    [[nodiscard]] Int128 numerator() const { return m_num; }
    [[nodiscard]] Int128 denominator() const { return m_den; }
    [[nodiscard]] bool is_negative() const { return m_num < 0; }
    [[nodiscard]] bool is_zero() const { return m_num == 0; }
    [[nodiscard]] bool is_integer() const { return m_den == 1; }

    /// Exact arithmetic; nullopt on overflow of the 128-bit representation.
    [[nodiscard]] std::optional<Decimal> times(const Decimal& other) const;
    [[nodiscard]] std::optional<Decimal> divided_by(const Decimal& other) const;
    [[nodiscard]] std::optional<Decimal> plus(const Decimal& other) const;

    /// Decimal text: exact when the expansion ends within max_fraction_digits,
    /// otherwise rounded half away from zero to that many digits (trailing zeros dropped).
    /// Decimal::parse("214350.02")->divided_by(10000)->to_string(6) == "21.435002"
    [[nodiscard]] std::string to_string(int max_fraction_digits = 12) const;
    /// Like to_string, but always with exactly `fraction_digits` digits after the point.
    [[nodiscard]] std::string to_fixed(int fraction_digits) const;
    /// Nearest double, for chart geometry only (never for figures shown as text).
    [[nodiscard]] double to_double() const;

    friend bool operator==(const Decimal& a, const Decimal& b) = default;
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

private:
    Int128 m_num = 0;
    Int128 m_den = 1;
};

} // namespace parkpress::core
