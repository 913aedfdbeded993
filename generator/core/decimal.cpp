#include "core/decimal.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>
#include <numeric>

namespace parkpress::core {
namespace {

Int128 abs128(Int128 v) { return v < 0 ? -v : v; }

/// Whether |v| fits in 64 bits, where division is many times cheaper than in 128.
bool fits64(Int128 v) { return v >= 0 && v <= static_cast<Int128>(std::numeric_limits<std::uint64_t>::max()); }

Int128 gcd128(Int128 a, Int128 b) {
    a = abs128(a);
    b = abs128(b);
    if (fits64(a) && fits64(b)) {
        const std::uint64_t g = std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
        return g == 0 ? 1 : static_cast<Int128>(g);
    }
    while (b != 0) {
        const Int128 t = a % b;
        a = b;
        b = t;
    }
    return a == 0 ? 1 : a;
}

bool mul_checked(Int128 a, Int128 b, Int128& out) { return !__builtin_mul_overflow(a, b, &out); }

bool pow10_checked(int exponent, Int128& out) {
    out = 1;
    for (int i = 0; i < exponent; ++i) {
        if (!mul_checked(out, 10, out)) {
            return false;
        }
    }
    return true;
}

std::string digits_of(Int128 v) {
    if (fits64(v)) {
        std::array<char, 24> buffer{};
        const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), static_cast<std::uint64_t>(v)).ptr;
        return std::string(buffer.data(), end);
    }
    std::string s;
    while (v > 0) {
        s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    }
    std::reverse(s.begin(), s.end());
    return s;
}

// |num|/den rounded half away from zero to `digits` fraction digits, as a scaled integer.
std::optional<Int128> scaled_rounded(Int128 num, Int128 den, int digits) {
    Int128 scale = 0;
    Int128 scaled = 0;
    if (!pow10_checked(digits, scale) || !mul_checked(abs128(num), scale, scaled)) {
        return std::nullopt;
    }
    Int128 q = 0;
    Int128 r = 0;
    if (fits64(scaled) && fits64(den)) {
        q = static_cast<Int128>(static_cast<std::uint64_t>(scaled) / static_cast<std::uint64_t>(den));
        r = static_cast<Int128>(static_cast<std::uint64_t>(scaled) % static_cast<std::uint64_t>(den));
    } else {
        q = scaled / den;
        r = scaled % den;
    }
    if (r >= den - r) { // r * 2 >= den, without overflowing when den is above half the range
        ++q;
    }
    return q;
}

std::string render_scaled(bool negative, Int128 scaled, int digits, bool trim) {
    std::string s = digits_of(scaled);
    if (digits > 0) {
        if (static_cast<int>(s.size()) <= digits) {
            s.insert(0, static_cast<std::size_t>(digits) + 1 - s.size(), '0');
        }
        s.insert(s.size() - static_cast<std::size_t>(digits), ".");
        if (trim) {
            while (s.back() == '0') {
                s.pop_back();
            }
            if (s.back() == '.') {
                s.pop_back();
            }
        }
    }
    if (negative && s.find_first_not_of("0.") != std::string::npos) {
        s.insert(0, "-");
    }
    return s;
}

} // namespace

std::optional<Decimal> Decimal::fraction(Int128 num, Int128 den) {
    if (den == 0) {
        return std::nullopt;
    }
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const Int128 g = gcd128(num, den);
    Decimal d;
    if (fits64(abs128(num)) && fits64(den)) {
        const auto g64 = static_cast<std::uint64_t>(g);
        const auto n = static_cast<Int128>(static_cast<std::uint64_t>(abs128(num)) / g64);
        d.m_num = num < 0 ? -n : n;
        d.m_den = static_cast<Int128>(static_cast<std::uint64_t>(den) / g64);
        return d;
    }
    d.m_num = num / g;
    d.m_den = den / g;
    return d;
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    Int128 mantissa = 0;
    int fraction_digits = 0;
    bool any_digit = false;
    bool in_fraction = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            continue;
        }
        if (c == '.' && !in_fraction) {
            in_fraction = true;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
            break;
        }
        any_digit = true;
        if (!mul_checked(mantissa, 10, mantissa) || __builtin_add_overflow(mantissa, Int128{c - '0'}, &mantissa)) {
            return std::nullopt; // more digits than 128 bits hold
        }
        if (in_fraction) {
            ++fraction_digits;
        }
    }
    if (!any_digit) {
        return std::nullopt;
    }
    int exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            exp_negative = text[i] == '-';
            ++i;
        }
        bool exp_digit = false;
        for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0; ++i) {
            exp_digit = true;
            exponent = exponent * 10 + (text[i] - '0');
            if (exponent > 60) {
                return std::nullopt;
            }
        }
        if (!exp_digit) {
            return std::nullopt;
        }
        exponent = exp_negative ? -exponent : exponent;
    }
    if (i != text.size()) {
        return std::nullopt;
    }
    exponent -= fraction_digits;
    Int128 num = negative ? -mantissa : mantissa;
    Int128 den = 1;
    Int128 scale = 1;
    if (!pow10_checked(exponent < 0 ? -exponent : exponent, scale)) {
        return std::nullopt;
    }
    if (exponent < 0) {
        den = scale;
    } else if (!mul_checked(num, scale, num)) {
        return std::nullopt;
    }
    return fraction(num, den);
}

std::optional<Decimal> Decimal::times(const Decimal& other) const {
    // Cross-reduce first so that conversions such as 亩 -> 平方米 (2000/3) stay small.
    const Int128 g1 = gcd128(m_num, other.m_den);
    const Int128 g2 = gcd128(other.m_num, m_den);
    Int128 num = 0;
    Int128 den = 0;
    if (!mul_checked(m_num / g1, other.m_num / g2, num)
        || !mul_checked(m_den / g2, other.m_den / g1, den)) {
        return std::nullopt;
    }
    return fraction(num, den);
}

std::optional<Decimal> Decimal::divided_by(const Decimal& other) const {
    if (other.m_num == 0) {
        return std::nullopt;
    }
    Decimal inverse;
    inverse.m_num = other.m_num < 0 ? -other.m_den : other.m_den;
    inverse.m_den = abs128(other.m_num);
    return times(inverse);
}

std::optional<Decimal> Decimal::plus(const Decimal& other) const {
    const Int128 g = gcd128(m_den, other.m_den);
    Int128 left = 0;
    Int128 right = 0;
    Int128 den = 0;
    Int128 num = 0;
    if (!mul_checked(m_num, other.m_den / g, left) || !mul_checked(other.m_num, m_den / g, right)
        || !mul_checked(m_den / g, other.m_den, den) || __builtin_add_overflow(left, right, &num)) {
        return std::nullopt;
    }
    return fraction(num, den);
}

std::string Decimal::to_string(int max_fraction_digits) const {
    const auto scaled = scaled_rounded(m_num, m_den, max_fraction_digits);
    if (!scaled) {
        return render_scaled(m_num < 0, abs128(m_num) / m_den, 0, true);
    }
    return render_scaled(m_num < 0, *scaled, max_fraction_digits, true);
}

std::string Decimal::to_fixed(int fraction_digits) const {
    const auto scaled = scaled_rounded(m_num, m_den, fraction_digits);
    if (!scaled) {
        return render_scaled(m_num < 0, abs128(m_num) / m_den, 0, false);
    }
    return render_scaled(m_num < 0, *scaled, fraction_digits, false);
}

double Decimal::to_double() const {
    return static_cast<double>(m_num) / static_cast<double>(m_den);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    // a/b <=> c/d  <=>  a*d <=> c*b (denominators are positive); fall back to long double.
    Int128 left = 0;
    Int128 right = 0;
    if (!__builtin_mul_overflow(a.m_num, b.m_den, &left)
        && !__builtin_mul_overflow(b.m_num, a.m_den, &right)) {
        return left <=> right;
    }
    const long double x = static_cast<long double>(a.m_num) / static_cast<long double>(a.m_den);
    const long double y = static_cast<long double>(b.m_num) / static_cast<long double>(b.m_den);
    if (x < y) {
        return std::strong_ordering::less;
    }
    return x > y ? std::strong_ordering::greater : std::strong_ordering::equal;
}

} // namespace parkpress::core
