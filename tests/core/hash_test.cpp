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
