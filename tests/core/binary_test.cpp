#include "core/binary.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <stdexcept>
#include <vector>

using namespace parkpress;

namespace {
core::UInt128 pow2(int n) { return core::UInt128(1) << n; }
} // namespace

TEST_CASE("binary: numbers round trip at every varint length, signed ones zigzagged", "[core]") {
    std::vector<core::UInt128> values{0, 1, 127, 128, 300, 16383, 16384};
    for (int n = 20; n <= 127; n += 7) { // around each length boundary, and 2^63, 2^64
        values.push_back(pow2(n) - 1);
        values.push_back(pow2(n));
    }
    values.push_back(pow2(63) - 1);
    values.push_back(pow2(63));
    values.push_back(pow2(64) - 1);
    values.push_back(pow2(64));
    values.push_back(~core::UInt128(0));
    core::BinaryWriter w;
    for (const auto v : values) {
        w.u128(v);
    }
    const std::vector<core::Int128> signed_values{0, -1, 1, -64, 64, std::numeric_limits<std::int64_t>::min(),
                                                  std::numeric_limits<std::int64_t>::max(),
                                                  std::numeric_limits<core::Int128>::min(),
                                                  std::numeric_limits<core::Int128>::max()};
    for (const auto v : signed_values) {
        w.i128(v);
    }
    w.str("园区");
    core::BinaryReader r(w.bytes);
    for (const auto v : values) {
        CHECK(r.u128() == v);
    }
    for (const auto v : signed_values) {
        CHECK(r.i128() == v);
    }
    CHECK(r.str() == "园区");
    CHECK(r.at_end());
    // One byte for small numbers, nine for 63 bits, ten for 64.
    core::BinaryWriter sizes;
    sizes.u64(127);
    CHECK(sizes.bytes.size() == 1);
    sizes.u64((std::uint64_t{1} << 63) - 1);
    CHECK(sizes.bytes.size() == 10);
    sizes.u64(std::uint64_t{1} << 63);
    CHECK(sizes.bytes.size() == 20);
}

TEST_CASE("binary: a cut, overlong or over-counted input is refused", "[core]") {
    core::BinaryWriter w;
    w.u128(pow2(100));
    for (std::size_t cut = 0; cut < w.bytes.size(); ++cut) {
        core::BinaryReader r(std::string_view(w.bytes).substr(0, cut));
        CHECK_THROWS_AS(r.u128(), std::out_of_range);
    }
    const std::string overlong = std::string(20, '\x80') + '\x01'; // 21 bytes: past 128 bits
    core::BinaryReader r(overlong);
    CHECK_THROWS_AS(r.u128(), std::out_of_range);
    core::BinaryWriter counted;
    counted.u64(5);
    counted.bytes += "abcd";
    core::BinaryReader c(counted.bytes);
    CHECK_THROWS_AS(c.count(1), std::out_of_range);
    core::BinaryReader s(counted.bytes);
    CHECK_THROWS_AS(s.str(), std::out_of_range);
}

TEST_CASE("binary: sealed bytes are checked whole", "[core]") {
    std::string bytes = "magic\nsome bytes";
    core::seal(bytes);
    REQUIRE(core::unseal(bytes, "magic\n"));
    CHECK(*core::unseal(bytes, "magic\n") == "magic\nsome bytes");
    CHECK_FALSE(core::unseal(bytes, "other\n"));
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 1);
        CHECK_FALSE(core::unseal(damaged, "magic\n"));
    }
    CHECK_FALSE(core::unseal(bytes.substr(0, bytes.size() - 1), "magic\n"));
}
