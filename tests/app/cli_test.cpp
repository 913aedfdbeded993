#include "app/cli.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using parkpress::app::run;
using parkpress::testing::SiteFixture;

TEST_CASE("cli: check prints a summary and exits 0 on valid content", "[app]") {
    SiteFixture site;
    site.check(); // writes the tree
    std::ostringstream out;
    std::ostringstream err;
    CHECK(run({"check", site.root().string()}, out, err) == 0);
    CHECK(out.str() == "checked 2 parks in 1 province (3 facts, 1 target, 1 rank): 0 errors, 0 warnings\n");
    CHECK(err.str().empty());
}

TEST_CASE("cli: content errors exit 1 with the source line and a caret", "[app]") {
    SiteFixture site;
    site.set("provinces/henan.toml", "name = \"河南省\"\nshort = \"河南\"\nname_en = \"Henan\"\ncode = \"410000\"\n");
    site.check();
    std::ostringstream out;
    std::ostringstream err;
    CHECK(run({"check", site.root().string()}, out, err) == 1);
    CHECK(err.str() == "provinces/henan.toml:4:8: error: \"code\" must be an integer, got string\n"
                       "    4 | code = \"410000\"\n"
                       "      |        ^\n");
    CHECK(out.str() == "checked 2 parks in 1 province (3 facts, 1 target, 1 rank): 1 error, 0 warnings\n");
}

TEST_CASE("cli: --strict turns warnings into errors", "[app]") {
    SiteFixture site;
    site.set("parks/henan/zmd-island.md", "无引用。\n");
    site.set("indicators.toml", parkpress::testing::base_files().at("indicators.toml")
                                    + "\n[jobs]\nname = \"就业\"\ndimension = \"count\"\nunit = \"人\"\nbasis = \"annual\"\n"
                                      "better = \"higher\"\n");
    site.check();
    std::ostringstream out;
    std::ostringstream err;
    CHECK(run({"check", site.root().string()}, out, err) == 0);
    CHECK(out.str().ends_with(": 0 errors, 1 warning\n"));
    std::ostringstream out2;
    CHECK(run({"check", "--strict", site.root().string()}, out2, err) == 1);
    CHECK(out2.str().ends_with(": 1 error, 0 warnings\n"));
}

TEST_CASE("cli: usage errors exit 2", "[app]") {
    std::ostringstream out;
    std::ostringstream err;
    CHECK(run({}, out, err) == 2);
    CHECK(run({"frobnicate"}, out, err) == 2);
    CHECK(run({"check", "--no-such-flag"}, out, err) == 2);
    CHECK(run({"check", "/nonexistent/parkpress-content"}, out, err) == 2);
    CHECK_THAT(err.str(), Catch::Contains("parkpress: content folder \"/nonexistent/parkpress-content\" does not exist"));
}

TEST_CASE("cli: --help and --version exit 0", "[app]") {
    std::ostringstream out;
    std::ostringstream err;
    CHECK(run({"--help"}, out, err) == 0);
    CHECK_THAT(out.str(), Catch::Contains("check"));
    std::ostringstream version;
    CHECK(run({"--version"}, version, err) == 0);
    CHECK(version.str() == std::string("parkpress ") + PARKPRESS_VERSION + "\n");
}
