#include "core/files.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace parkpress;

TEST_CASE("files: a plain relative path has no empty, \".\" or \"..\" part", "[core]") {
    for (const std::string path : {"a", "a.html", "parks/x/index.html", "..a/b..", ".hidden", "a/.b"}) {
        CAPTURE(path);
        CHECK(core::is_plain_relative_path(path));
    }
    for (const std::string path : {"", "/", "/etc/passwd", "..", ".", "../x", "a/../../x", "a/./b", "a//b", "a/",
                                   "a/..", "./a"}) {
        CAPTURE(path);
        CHECK_FALSE(core::is_plain_relative_path(path));
    }
}
