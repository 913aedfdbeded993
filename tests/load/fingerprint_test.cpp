#include "load/fingerprint.hpp"
#include "support/fixture.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace parkpress;
namespace fs = std::filesystem;

namespace {
/// The fixture writes its files when it loads them.
void flush(testing::SiteFixture& fixture) { (void)fixture.check(); }
} // namespace

TEST_CASE("fingerprint: changes with any byte, file, option or theme file", "[fingerprint]") {
    testing::SiteFixture site;
    testing::SiteFixture theme; // any folder of files will do as a theme here
    flush(site);
    flush(theme);
    const auto first = load::input_fingerprint(site.root(), theme.root(), "pdf");
    REQUIRE(first);
    CHECK(load::input_fingerprint(site.root(), theme.root(), "pdf") == first);
    CHECK(load::input_fingerprint(site.root(), theme.root(), "no pdf") != first);

    site.set("parks/henan/zmd-island.md", "改过的叙述。\n");
    flush(site);
    const auto edited = load::input_fingerprint(site.root(), theme.root(), "pdf");
    CHECK(edited != first);
    site.set("notes.txt", "a file the loader ignores still counts\n");
    flush(site);
    CHECK(load::input_fingerprint(site.root(), theme.root(), "pdf") != edited);
    const auto before_theme = load::input_fingerprint(site.root(), theme.root(), "pdf");
    theme.set("site.toml", "# edited\n");
    flush(theme);
    CHECK(load::input_fingerprint(site.root(), theme.root(), "pdf") != before_theme);
}

TEST_CASE("fingerprint: a symbolic link or a missing folder gives none (build everything)", "[fingerprint]") {
    testing::SiteFixture site;
    testing::SiteFixture theme;
    flush(site);
    flush(theme);
    fs::create_symlink(site.root() / "site.toml", site.root() / "link.toml");
    CHECK_FALSE(load::input_fingerprint(site.root(), theme.root(), ""));
    CHECK_FALSE(load::input_fingerprint(site.root() / "missing", theme.root(), ""));
}
