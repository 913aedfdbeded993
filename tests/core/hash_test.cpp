#include "core/hash.hpp"

#include <catch2/catch.hpp>

using parkpress::core::Hasher;
using parkpress::core::digest_of;

TEST_CASE("hash: a digest is 32 hex digits, the same for the same bytes", "[hash]") {
    CHECK(digest_of("园区").size() == 32);
    CHECK(digest_of("园区") == digest_of(std::string("园区")));
    CHECK(digest_of("园区") != digest_of("园区 "));
    CHECK(digest_of("") != digest_of(std::string_view("\0", 1)));
}

TEST_CASE("hash: fields are framed, so that moving a boundary changes the digest", "[hash]") {
    Hasher a;
    a.add("ab").add("c");
    Hasher b;
    b.add("a").add("bc");
    Hasher c;
    c.add("ab").add("c");
    CHECK(a.hex() != b.hex());
    CHECK(a.hex() == c.hex());
    Hasher n1;
    n1.add(std::int64_t{1});
    Hasher n2;
    n2.add(std::int64_t{256});
    CHECK(n1.hex() != n2.hex());
}

namespace {
/// A field as Hasher frames it: its length (8 bytes, little-endian), then its bytes.
std::string framed(std::string_view field) {
    std::string out;
    for (int i = 0; i < 8; ++i) {
        out.push_back(static_cast<char>(static_cast<std::uint64_t>(field.size()) >> (8 * i)));
    }
    out += field;
    return out;
}
} // namespace

TEST_CASE("hash: a Hasher's digest is that of its framed fields in one piece, however they fill its buffer",
          "[hash]") {
    // Fields of every size around the buffer's kilobyte, so that some fill it exactly, some
    // overflow it and some are larger than it; the digest is read midway too.
    Hasher h;
    std::string all;
    for (std::size_t size : {0, 1, 7, 8, 9, 1000, 1015, 1016, 1017, 1024, 1025, 3000, 5, 2047, 0, 8}) {
        const std::string field(size, static_cast<char>('a' + size % 26));
        h.add(field);
        all += framed(field);
        CHECK(h.hex() == digest_of(all));
    }
    h.add(std::string_view()); // no bytes, and a null data(): framed as an empty field
    all += framed("");
    CHECK(h.hex() == digest_of(all));
    for (int i = 0; i < 300; ++i) {
        h.add(std::int64_t{i} * 1'000'003);
        std::string number;
        for (int b = 0; b < 8; ++b) {
            number.push_back(static_cast<char>(static_cast<std::uint64_t>(std::int64_t{i} * 1'000'003) >> (8 * b)));
        }
        all += number;
    }
    CHECK(h.hex() == digest_of(all));
}
